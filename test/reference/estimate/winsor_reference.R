# Reference numbers for winsorising with Stata's percentile definition
# (src/core/estimate/winsor.ts). Run from this folder with Debian's r-base-core:
#   Rscript winsor_reference.R
# Stata's _pctile / winsor2 percentile is R's quantile(type = 2). Writes
# fixtures/winsor.json for Grunfeld's inv (all, and by year) at 1/99 and 5/95.
g <- read.csv("grunfeld.csv")
clamp <- function(x, lo, hi) pmin(pmax(x, lo), hi)
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
cases <- c()
for (p in c(0.01, 0.05)) {
  q <- quantile(g$inv, c(p, 1 - p), type = 2, names = FALSE)
  w <- clamp(g$inv, q[1], q[2])
  wb <- g$inv
  for (y in unique(g$year)) {
    k <- g$year == y
    qy <- quantile(g$inv[k], c(p, 1 - p), type = 2, names = FALSE)
    wb[k] <- clamp(g$inv[k], qy[1], qy[2])
  }
  cases <- c(cases, sprintf('{"p": %s, "cuts": %s, "values": %s, "byYear": %s}', p, num(q), num(w), num(wb)))
}
# the type-7 cuts differ, which is why the definition is named
q7 <- quantile(g$inv, c(0.01, 0.99), type = 7, names = FALSE)
dir.create("fixtures", showWarnings = FALSE)
writeLines(c("{", sprintf('  "cases": [%s],', paste(cases, collapse = ", ")), sprintf('  "type7cuts": %s', num(q7)), "}"), "fixtures/winsor.json")
