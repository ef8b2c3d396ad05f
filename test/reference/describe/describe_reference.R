# Reference numbers for descriptive statistics and the correlation table
# (src/core/analysis/describe.ts). Run from this folder with Debian's r-base-core:
#   Rscript describe_reference.R
# Reads the embedded province panel (data/province-intensity) and writes
# fixtures/describe.json: N, mean, sd, min, max overall, by year and by region
# (missing cells left out), and cor.test r and p for every pair (pairwise complete).
d <- read.csv("../../../data/province-intensity/province_intensity_2013_2022.csv", check.names = FALSE)
vars <- c("M1_rd_intensity_pct", "M6_carbon_intensity", "D4_broadband_users_per_100", "L1_rd_fte_per_10k_pop")
# a column with missing cells, to check that they are left out and counted
vars <- c(vars, names(d)[sapply(d, function(x) is.numeric(x) && any(is.na(x)))][1])
num <- function(x) paste0("[", paste(ifelse(is.finite(x), trimws(formatC(x, digits = 17, format = "g")), "null"), collapse = ", "), "]")
stats <- function(rows) {
  s <- sapply(vars, function(v) {
    x <- d[rows, v]; x <- x[!is.na(x)]
    c(length(x), sum(is.na(d[rows, v])), mean(x), sd(x), min(x), max(x))
  })
  sprintf('{"n": %s, "missing": %s, "mean": %s, "sd": %s, "min": %s, "max": %s}',
    num(s[1, ]), num(s[2, ]), num(s[3, ]), num(s[4, ]), num(s[5, ]), num(s[6, ]))
}
all <- seq_len(nrow(d))
years <- unique(d$Year)
regions <- unique(d$region)
r <- p <- n <- matrix(NA, length(vars), length(vars))
for (i in seq_along(vars)) for (j in seq_along(vars)) {
  ok <- !is.na(d[[vars[i]]]) & !is.na(d[[vars[j]]])
  n[i, j] <- sum(ok)
  if (i == j) { r[i, j] <- 1; p[i, j] <- 0 } else {
    ct <- cor.test(d[[vars[i]]][ok], d[[vars[j]]][ok])
    r[i, j] <- unname(ct$estimate); p[i, j] <- ct$p.value
  }
}
lines <- c(
  "{",
  sprintf('  "variables": [%s],', paste(sprintf('"%s"', vars), collapse = ", ")),
  sprintf('  "overall": %s,', stats(all)),
  sprintf('  "years": %s,', num(years)),
  sprintf('  "byYear": [%s],', paste(sapply(years, function(y) stats(which(d$Year == y))), collapse = ", ")),
  sprintf('  "regions": [%s],', paste(sprintf('"%s"', regions), collapse = ", ")),
  sprintf('  "byRegion": [%s],', paste(sapply(regions, function(g) stats(which(d$region == g))), collapse = ", ")),
  sprintf('  "r": [%s],', paste(apply(r, 1, num), collapse = ", ")),
  sprintf('  "p": [%s],', paste(apply(p, 1, num), collapse = ", ")),
  sprintf('  "n": [%s]', paste(apply(n, 1, num), collapse = ", ")),
  "}"
)
dir.create("fixtures", showWarnings = FALSE)
writeLines(lines, "fixtures/describe.json")
