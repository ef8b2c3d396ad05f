# Reference numbers for confidence intervals (src/core/estimate/confint.ts).
# Run from this folder with Debian's r-base-core and r-cran-plm:
#   Rscript confint_reference.R
# Writes fixtures/confint.json: Student t quantiles (qt) and confint() of the
# two-way LSDV regression inv ~ value + capital + firm + year on plm's Grunfeld data.
suppressMessages(library(plm))
data("Grunfeld", package = "plm")
lsdv <- lm(inv ~ value + capital + factor(firm) + factor(year), data = Grunfeld)
ci95 <- confint(lsdv)[c("value", "capital"), ]
ci90 <- confint(lsdv, level = 0.9)[c("value", "capital"), ]
ps <- c(0.975, 0.95, 0.995, 0.5, 0.025)
dfs <- c(1, 2, 9, 19, 169, 1000)
grid <- expand.grid(p = ps, df = dfs)
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
lines <- c(
  "{",
  sprintf('  "qt": {"p": %s, "df": %s, "q": %s},', num(grid$p), num(grid$df), num(qt(grid$p, grid$df))),
  sprintf('  "qnorm975": %s,', formatC(qnorm(0.975), digits = 17, format = "g")),
  sprintf('  "lsdv": {"terms": ["value", "capital"], "df": %d, "ci95_low": %s, "ci95_high": %s, "ci90_low": %s, "ci90_high": %s}',
    lsdv$df.residual, num(ci95[, 1]), num(ci95[, 2]), num(ci90[, 1]), num(ci90[, 2])),
  "}"
)
dir.create("fixtures", showWarnings = FALSE)
writeLines(lines, "fixtures/confint.json")
