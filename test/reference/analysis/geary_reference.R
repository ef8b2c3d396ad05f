# Reference values for Geary's C (R spdep::geary.test).
# Run from the project root:  Rscript test/reference/analysis/geary_reference.R
# Writes test/reference/analysis/fixtures/geary_spdep.json. Needs r-cran-spdep.
suppressMessages(library(spdep))
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")

set.seed(20261205)
nb_grid <- cell2nb(5, 5, type = "rook")          # 25 units on a 5 x 5 lattice
xy <- cbind(runif(25), runif(25))
nb_knn <- knn2nb(knearneigh(xy, k = 3))           # asymmetric neighbours
x_trend <- as.vector(outer(1:5, 1:5, "+")) + rnorm(25, sd = 0.5)
x_noise <- rnorm(25)
# A grid with one isolated unit (unit 13, its links removed both ways).
nb_iso <- nb_grid
for (j in nb_iso[[13]]) nb_iso[[j]] <- setdiff(nb_iso[[j]], 13L)
nb_iso[[13]] <- 0L
cases <- list(
  list(name = "grid-W-trend", nb = nb_grid, style = "W", x = x_trend),
  list(name = "grid-B-noise", nb = nb_grid, style = "B", x = x_noise),
  list(name = "knn3-W-trend", nb = nb_knn, style = "W", x = x_trend),
  list(name = "grid-isolate-W-trend", nb = nb_iso, style = "W", x = x_trend)
)
parts <- sapply(cases, function(cs) {
  lw <- nb2listw(cs$nb, style = cs$style, zero.policy = TRUE)
  r <- geary.test(cs$x, lw, randomisation = TRUE, zero.policy = TRUE)
  nrm <- geary.test(cs$x, lw, randomisation = FALSE, zero.policy = TRUE)
  nbl <- lapply(cs$nb, function(v) if (length(v) == 1 && v[1] == 0L) integer(0) else v - 1L)
  paste0('{"name":"', cs$name, '","style":"', cs$style, '","x":', vec(cs$x),
         ',"neighbours":[', paste(sapply(nbl, function(v) paste0("[", paste(v, collapse = ","), "]")), collapse = ","), "]",
         ',"C":', num(r$estimate[1]), ',"variance":', num(r$estimate[3]), ',"z":', num(r$statistic), ',"p":', num(r$p.value),
         ',"varianceNormal":', num(nrm$estimate[3]), ',"zNormal":', num(nrm$statistic), ',"pNormal":', num(nrm$p.value), "}")
})
dir.create("test/reference/analysis/fixtures", showWarnings = FALSE)
writeLines(paste0('{"generator":"test/reference/analysis/geary_reference.R","spdep":"', packageVersion("spdep"), '","cases":[',
                  paste(parts, collapse = ","), "]}"), "test/reference/analysis/fixtures/geary_spdep.json")
cat("wrote test/reference/analysis/fixtures/geary_spdep.json\n")
