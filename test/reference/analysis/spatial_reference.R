# Reference values for spatial weights, global and local Moran's I (R spdep, sf).
# Run from the project root:  Rscript test/reference/analysis/spatial_reference.R
# Writes test/reference/analysis/fixtures/spatial_spdep.json and
# test/reference/analysis/fixtures/queen31_edges.csv. Needs r-cran-spdep, r-cran-sf.
suppressMessages({ library(sf); library(spdep) })

json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x))) {
      parts <- mapply(function(k, v) paste0('"', k, '":', json(v)), names(x), x)
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(sapply(x, json), collapse = ","), "]"))
  }
  if (length(x) == 0) return("[]")
  if (is.character(x)) return(if (length(x) == 1 && is.null(attr(x, "array"))) paste0('"', x, '"') else paste0("[", paste0('"', x, '"', collapse = ","), "]"))
  if (is.logical(x)) x <- as.numeric(x)
  v <- ifelse(is.finite(x), sprintf("%.17g", x), "null")
  if (length(x) == 1 && is.null(attr(x, "array"))) v else paste0("[", paste(v, collapse = ","), "]")
}
arr <- function(x) { attr(x, "array") <- TRUE; x }

g <- st_read("data/geo/china_provinces.geojson", quiet = TRUE)
short <- sub(" (Province|province|Municipality|Autonomous Region|Zhuang Autonomous Region|Hui Autonomous Region|Uygur Autonomous Region|Special Administrative Region)$", "", g$ADM1_EN)
short <- sub(" (Zhuang|Hui|Uygur)$", "", short)
sf_use_s2(FALSE)
nbnames <- function(nb, names) lapply(seq_along(nb), function(i) arr(if (card(nb)[i] == 0) character(0) else names[nb[[i]]]))

out <- list()
# 1. contiguity on all 34 features (planar bounding-box candidates, s2 off)
for (snap in c(sqrt(.Machine$double.eps), 0.1)) {
  key <- if (snap < 1e-3) "default" else "s0.1"
  out[[paste0("queen34_", key)]] <- nbnames(suppressMessages(poly2nb(g, queen = TRUE, snap = snap)), short)
  out[[paste0("rook34_", key)]] <- nbnames(suppressMessages(poly2nb(g, queen = FALSE, snap = snap)), short)
}
out$names34 <- arr(short)
# 2. area-weighted planar centroids (GEOS, s2 off)
cc <- suppressWarnings(st_coordinates(st_centroid(st_geometry(g))))
out$centroid_x <- arr(cc[, 1]); out$centroid_y <- arr(cc[, 2])
# 3. nearest polygon to each island by great-circle distance between boundaries (s2 on)
sf_use_s2(TRUE)
d <- st_distance(g)
for (isl in c("Hainan", "Taiwan")) {
  i <- which(short == isl); di <- as.numeric(d[i, ]); di[i] <- Inf
  out[[paste0("nearest_", isl)]] <- short[which.min(di)]
}
sf_use_s2(FALSE)

# 4. the 31 provinces of the panel, in the panel's order
df <- read.csv("data/province-panel/province_panel_2013_2022.csv", check.names = FALSE)
units <- unique(df$Province)
idx <- match(units, short)
g31 <- g[idx, ]
nb31 <- suppressMessages(poly2nb(g31, queen = TRUE))
out$queen31_raw <- nbnames(nb31, units)
# documented island fix: Hainan linked to Guangdong (both directions)
h <- which(units == "Hainan"); gd <- which(units == "Guangdong")
nb31f <- nb31
nb31f[[h]] <- as.integer(gd); nb31f[[gd]] <- sort(c(nb31f[[gd]], h))
out$queen31 <- nbnames(nb31f, units)
out$units31 <- arr(units)
ed <- do.call(rbind, lapply(seq_along(nb31f), function(i) data.frame(from = units[i], to = units[nb31f[[i]]])))
write.csv(ed, "test/reference/analysis/fixtures/queen31_edges.csv", row.names = FALSE, quote = FALSE)
lwq <- nb2listw(nb31f, style = "W", zero.policy = TRUE)
lwnone <- nb2listw(nb31, style = "W", zero.policy = TRUE)
c31 <- suppressWarnings(st_coordinates(st_centroid(st_geometry(g31))))
knn4 <- knn2nb(knearneigh(c31, k = 4, longlat = TRUE))
out$knn4 <- nbnames(knn4, units)
lwk <- nb2listw(knn4, style = "W")
# inverse great-circle distance between centroids (s2 sphere, radius 6371.0088 km)
sf_use_s2(TRUE)
pts <- st_as_sf(data.frame(x = c31[, 1], y = c31[, 2]), coords = c("x", "y"), crs = 4326)
D <- matrix(as.numeric(st_distance(pts)), nrow(pts)) / 1000
sf_use_s2(FALSE)
Widw <- 1 / D; diag(Widw) <- 0
lwi <- mat2listw(Widw, style = "W")

mt <- function(x, lw) {
  r <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
  nrm <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE)
  list(I = unname(r$estimate[1]), EI = unname(r$estimate[2]), var = unname(r$estimate[3]), z = unname(r$statistic), p = r$p.value,
       varN = unname(nrm$estimate[3]), zN = unname(nrm$statistic), pN = nrm$p.value)
}
cols <- c("Digital Economy", "Valid Invention Patents", "Urbanization Level")
years <- sort(unique(df$Year))
mor <- list()
for (col in cols) for (yr in years) {
  x <- df[df$Year == yr, ][match(units, df[df$Year == yr, "Province"]), col]
  mor[[length(mor) + 1]] <- c(list(column = col, year = yr, weights = "queen"), mt(x, lwq))
  if (yr == 2022) {
    mor[[length(mor) + 1]] <- c(list(column = col, year = yr, weights = "queen-none"), mt(x, lwnone))
    mor[[length(mor) + 1]] <- c(list(column = col, year = yr, weights = "knn4"), mt(x, lwk))
    mor[[length(mor) + 1]] <- c(list(column = col, year = yr, weights = "idw"), mt(x, lwi))
  }
}
out$moran <- mor

# 5. moran.mc: observed I and the shape of the permutation distribution
x22 <- df[df$Year == 2022, ][match(units, df[df$Year == 2022, "Province"]), "Urbanization Level"]
set.seed(20240501)
mc <- moran.mc(x22, lwq, nsim = 9999, zero.policy = TRUE)
sims <- mc$res[1:9999]
out$moranmc <- list(I = unname(mc$statistic), p = mc$p.value, mean = mean(sims), var = var(sims))

# 6. localmoran (conditional, the spdep default, and total randomisation)
for (cond in c(TRUE, FALSE)) {
  lm <- localmoran(x22, lwq, conditional = cond, zero.policy = TRUE)
  q <- attr(lm, "quadr")$pysal
  out[[paste0("local_", if (cond) "conditional" else "total")]] <- list(
    Ii = arr(unname(lm[, 1])), E = arr(unname(lm[, 2])), V = arr(unname(lm[, 3])), Z = arr(unname(lm[, 4])), P = arr(unname(lm[, 5])),
    quadrant = arr(as.character(q)))
}
lmn <- localmoran(x22, lwnone, zero.policy = TRUE)
out$local_isolate <- list(Ii = arr(unname(lmn[, 1])), E = arr(unname(lmn[, 2])), V = arr(unname(lmn[, 3])))

writeLines(json(out), "test/reference/analysis/fixtures/spatial_spdep.json")
cat("wrote spatial_spdep.json\n")
