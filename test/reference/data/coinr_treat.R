# Reference for xinzhi's outlier treatment (src/core/panel/outliers.ts) and
# skewness / kurtosis variants (src/core/stats/moments.ts).
#
# COINr is not installed here, so this script re-implements COINr's default
# Treat() from its documented algorithm (COINr R/treat.R: check_SkewKurt,
# winsorise, log_CT; Becker et al. 2022, JOSS 7(78):4567), using e1071's
# skewness()/kurtosis() (type 2 = COINr's skew()/kurt()) as the statistics.
# The moment variants come from e1071 types 1, 2, 3.
#
# Regenerate (from the repository root):
#   Rscript test/reference/data/coinr_treat.R
# Writes test/reference/data/fixtures/coinr_treat.json and moments_r.json.
suppressPackageStartupMessages(library(e1071))

args <- commandArgs(trailingOnly = FALSE)
script <- sub("^--file=", "", args[grep("^--file=", args)])
here <- dirname(normalizePath(script))
root <- normalizePath(file.path(here, "..", "..", ".."))

# ---- COINr default treatment, written from the documented algorithm ----
sk <- function(x) e1071::skewness(x, type = 2)
kt <- function(x) e1071::kurtosis(x, type = 2)
passes <- function(x, st = 2, kth = 3.5) (abs(sk(x)) < st) | (kt(x) < kth)

coinr_treat <- function(x, winmax = 5, st = 2, kth = 3.5) {
  # x without NA
  if (passes(x, st, kth)) return(list(x = x, action = "none", nwin = 0))
  y <- x; nhi <- 0; nlo <- 0; nwin <- 0
  ok <- FALSE
  while (!ok && nwin < winmax) {
    if (sk(y) >= 0) {
      i <- which(y == max(y)); y[i] <- max(y[-i]); nhi <- length(i)
    } else {
      i <- which(y == min(y)); y[i] <- min(y[-i]); nlo <- length(i)
    }
    nwin <- nhi + nlo
    ok <- passes(y, st, kth)
  }
  if (ok) return(list(x = y, action = "winsorised", nwin = nwin))
  z <- log(x - min(x) + 0.01 * (max(x) - min(x)))
  list(x = z, action = "log", nwin = nwin)
}

# ---- tiny JSON writer (no jsonlite here) ----
num <- function(v) ifelse(is.na(v), "null", ifelse(is.infinite(v), ifelse(v > 0, "1e999", "-1e999"), sprintf("%.17g", v)))
arr <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
str <- function(s) paste0("\"", gsub("\"", "\\\\\"", s), "\"")

cases <- list()
add_case <- function(name, x, winmax = 5) {
  r <- coinr_treat(x, winmax = winmax)
  cases[[length(cases) + 1]] <<- paste0(
    "{\"name\":", str(name), ",\"winmax\":", winmax, ",\"x\":", arr(x),
    ",\"skew\":", num(sk(x)), ",\"kurt\":", num(kt(x)),
    ",\"action\":", str(r$action), ",\"nwin\":", r$nwin,
    ",\"treated\":", arr(r$x),
    ",\"skewAfter\":", num(sk(r$x)), ",\"kurtAfter\":", num(kt(r$x)), "}")
}

# province panel: every numeric column, pooled over 31 provinces x 10 years
pp <- read.csv(file.path(root, "data", "province-panel", "province_panel_2013_2022.csv"), check.names = FALSE)
for (col in names(pp)[-(1:2)]) add_case(paste0("province:", col), as.numeric(pp[[col]]))
# a few with winmax 1 or 2 to force the log branch
for (col in c("Valid Invention Patents", "Total Profit (100M RMB)", "Technology Import Expenditure (10K RMB)"))
  add_case(paste0("province-winmax2:", col), as.numeric(pp[[col]]), winmax = 2)
# synthetic: two high outliers (COINr's own example), a low outlier, ties at the max
add_case("coinr-example", c(1:10, 30, 100))
add_case("low-outlier", c(-100, -20, 1:20))
add_case("tied-max", c(1:20, 200, 200))
add_case("lognormal-log", exp(c(-1.2, -0.8, -0.5, -0.3, 0, 0.1, 0.2, 0.4, 0.7, 1, 1.3, 1.7, 2.2, 2.9, 3.8, 5.1, 7.0)), winmax = 1)

dir.create(file.path(here, "fixtures"), showWarnings = FALSE)
writeLines(paste0("{\"source\":\"test/reference/data/coinr_treat.R (e1071 ", packageVersion("e1071"), ", ", R.version.string, ")\",\"cases\":[\n",
                  paste(cases, collapse = ",\n"), "\n]}"),
           file.path(here, "fixtures", "coinr_treat.json"))

# ---- moment variants: e1071 types 1, 2, 3 ----
vecs <- list(
  small = c(1, 2, 3, 10),
  five = c(2.5, -1, 4, 4, 8),
  profit = as.numeric(pp[["Total Profit (100M RMB)"]]),
  patents = as.numeric(pp[["Valid Invention Patents"]])
)
mom <- sapply(names(vecs), function(n) {
  x <- vecs[[n]]
  paste0(str(n), ":{\"x\":", arr(x),
         ",\"skew1\":", num(skewness(x, type = 1)), ",\"skew2\":", num(skewness(x, type = 2)), ",\"skew3\":", num(skewness(x, type = 3)),
         ",\"kurt1\":", num(kurtosis(x, type = 1)), ",\"kurt2\":", num(kurtosis(x, type = 2)), ",\"kurt3\":", num(kurtosis(x, type = 3)), "}")
})
writeLines(paste0("{\"source\":\"e1071::skewness/kurtosis types 1-3\",\n", paste(mom, collapse = ",\n"), "\n}"),
           file.path(here, "fixtures", "moments_r.json"))
cat("wrote", length(cases), "treatment cases\n")
