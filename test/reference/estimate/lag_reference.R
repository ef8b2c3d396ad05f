# Reference numbers for lagged regressors within unit (src/core/estimate/lags.ts):
# inv ~ lag(value, 1) + capital | firm + year on plm's Grunfeld data with one year
# removed for one firm (a gap: the lag after a gap is missing, not the year before it).
# Run from this folder with Debian's r-base-core, r-cran-plm: Rscript lag_reference.R
suppressMessages(library(plm))
g <- read.csv("grunfeld.csv")
g <- g[!(g$firm == 3 & g$year == 1940), ]
write.csv(g, "grunfeld-gap.csv", row.names = FALSE)
p <- pdata.frame(g, index = c("firm", "year"))
p$lvalue <- lag(p$value, 1, shift = "time")
m <- plm(inv ~ lvalue + capital, data = p, model = "within", effect = "twoways")
V <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
dir.create("fixtures", showWarnings = FALSE)
writeLines(c("{",
  sprintf('  "terms": ["lvalue", "capital"], "estimate": %s, "se_plm": %s, "n": %d', num(unname(coef(m))), num(unname(sqrt(diag(V)))), nobs(m)),
  "}"), "fixtures/lag.json")
