# Reference values for kernel density estimation, from R (stats), independent
# of xinzhi. Writes fixtures/kde.json.
#   - bw.nrd0 (Silverman) and bw.nrd (Scott) bandwidths;
#   - the grid of density(): seq(min(x) - cut*bw, max(x) + cut*bw, length.out = n), cut = 3;
#     for several times, the shared grid from min_t(min x_t - 3 h_t) to max_t(max x_t + 3 h_t);
#   - the exact kernel sum f(g) = mean(K_h(g - x_i)) at the grid points (gaussian: dnorm(., sd = h);
#     epanechnikov as in density(): a = h*sqrt(5), 3/4 (1 - (t/a)^2) / a);
#   - density() itself (FFT binning approximation), compared loosely;
#   - per-time summaries: mean, median, sd, IQR, moment skewness, mode = grid argmax,
#     peaks = interior local maxima with height >= 5% of the maximum.
# Run: Rscript test/reference/analysis/kde_reference.R   (from the project root)
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
root <- normalizePath(file.path(here, "..", "..", ".."))
panel <- read.csv(file.path(root, "data", "province-panel", "province_panel_2013_2022.csv"), check.names = FALSE)

num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ","), "]")
str1 <- function(s) paste0('"', s, '"')

kern <- function(kernel, t, h) {
  if (kernel == "gaussian") return(dnorm(t, sd = h))
  a <- h * sqrt(5)
  ifelse(abs(t) < a, 3 / 4 * (1 - (t / a)^2) / a, 0)
}
exact <- function(x, grid, h, kernel) sapply(grid, function(g) mean(kern(kernel, g - x, h)))
peaks <- function(grid, f, thr = 0.05) {
  # strict rise then strict fall (no plateaus occur in these data)
  i <- which(diff(sign(diff(f))) == -2) + 1
  i[f[i] >= thr * max(f)]
}
skew <- function(x) { m <- mean(x); mean((x - m)^3) / mean((x - m)^2)^1.5 }

one_case <- function(name, values, times, kernel, bwname, n = 512) {
  ts <- sort(unique(times))
  xs <- lapply(ts, function(t) values[times == t])
  hs <- sapply(xs, function(x) if (bwname == "silverman") bw.nrd0(x) else bw.nrd(x))
  from <- min(mapply(function(x, h) min(x) - 3 * h, xs, hs))
  to <- max(mapply(function(x, h) max(x) + 3 * h, xs, hs))
  grid <- seq(from, to, length.out = n)
  dens <- mapply(function(x, h) exact(x, grid, h, kernel), xs, hs, SIMPLIFY = FALSE)
  rdens <- if (length(ts) == 1) density(xs[[1]], bw = hs[1], kernel = kernel, n = n)$y else NULL
  summ <- mapply(function(t, x, h, f) {
    pk <- peaks(grid, f)
    paste0("{", paste(c(
      paste0('"time":', t), paste0('"n":', length(x)), paste0('"mean":', sprintf("%.17g", mean(x))),
      paste0('"median":', sprintf("%.17g", median(x))), paste0('"sd":', sprintf("%.17g", sd(x))),
      paste0('"iqr":', sprintf("%.17g", IQR(x))), paste0('"bandwidth":', sprintf("%.17g", h)),
      paste0('"skewness":', sprintf("%.17g", skew(x))), paste0('"mode":', sprintf("%.17g", grid[which.max(f)])),
      paste0('"peaks":', num(grid[pk]))), collapse = ","), "}")
  }, ts, xs, hs, dens)
  paste0("{", paste(c(
    paste0('"name":', str1(name)), paste0('"kernel":', str1(kernel)), paste0('"bw":', str1(bwname)),
    paste0('"values":', num(values)), paste0('"times":', num(times)),
    paste0('"grid":', num(grid)),
    paste0('"density":[', paste(sapply(dens, num), collapse = ","), "]"),
    if (!is.null(rdens)) paste0('"rDensity":', num(rdens)) else NULL,
    paste0('"summaries":[', paste(summ, collapse = ","), "]")), collapse = ","), "}")
}

set.seed(42)
cases <- c()
de <- panel[["Digital Economy"]]
yr <- panel[["Year"]]
for (k in c("gaussian", "epanechnikov")) for (b in c("silverman", "scott")) {
  sel <- yr == 2022
  cases <- c(cases, one_case(paste("province Digital Economy 2022", k, b), de[sel], yr[sel], k, b))
}
sel <- yr %in% c(2013, 2016, 2019, 2022)
cases <- c(cases, one_case("province Digital Economy 2013/2016/2019/2022 shared grid", de[sel], yr[sel], "gaussian", "silverman", 200))
bimodal <- c(rnorm(60, 0, 1), rnorm(40, 5, 0.7))
cases <- c(cases, one_case("synthetic bimodal", bimodal, rep(1, 100), "gaussian", "silverman"))
cases <- c(cases, one_case("synthetic bimodal epanechnikov scott", bimodal, rep(1, 100), "epanechnikov", "scott"))

# bandwidth rules alone, including R's fallback in bw.nrd0 when the IQR is 0
bwcases <- list(c(1, 1, 1, 1, 5), c(2, 2, 2), c(0, 0, 0), c(0.3, 1.7, 2.2, 9.1, 4.4, 4.4))
bwjson <- paste(sapply(bwcases, function(x) paste0('{"x":', num(x), ',"nrd0":', sprintf("%.17g", bw.nrd0(x)),
  ',"nrd":', sprintf("%.17g", bw.nrd(x)), "}")), collapse = ",")

out <- paste0('{"source":"test/reference/analysis/kde_reference.R (', R.version.string, ')","cases":[',
  paste(cases, collapse = ","), '],"bandwidths":[', bwjson, "]}")
writeLines(out, file.path(here, "fixtures", "kde.json"))
