# Reference class breaks for map legends (src/core/stats/classify.ts).
# Run from this folder with Debian's r-base-core and r-cran-classint:
#   Rscript classify_reference.R
# Writes fixtures/classify.json: seeded values and classInt::classIntervals
# breaks for the styles quantile, equal and fisher, k = 3..6, and the class
# of every value (findInterval with left-closed intervals, the last closed).
suppressMessages(library(classInt))
set.seed(20261205)
sets <- list(
  lognormal = round(rlnorm(31, 0, 0.6), 6),
  clustered = c(rnorm(10, 0.2, 0.02), rnorm(12, 0.5, 0.03), rnorm(9, 0.85, 0.02)),
  ties = c(rep(1, 5), rep(2, 5), 3, 4, 5, 10, 10, 20)
)
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
out <- c()
for (name in names(sets)) {
  x <- sets[[name]]
  cases <- c()
  for (style in c("quantile", "equal", "fisher")) for (k in 3:6) {
    ci <- classIntervals(x, k, style = style)
    cls <- findCols(ci)
    cases <- c(cases, sprintf('{"style": "%s", "k": %d, "breaks": %s, "class": %s}', style, k, num(ci$brks), num(cls)))
  }
  out <- c(out, sprintf('"%s": {"values": %s, "cases": [%s]}', name, num(x), paste(cases, collapse = ", ")))
}
dir.create("fixtures", showWarnings = FALSE)
writeLines(c("{", paste(out, collapse = ",\n"), "}"), "fixtures/classify.json")
