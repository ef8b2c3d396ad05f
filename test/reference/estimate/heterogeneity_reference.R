# Reference numbers for heterogeneity by group (src/core/estimate/heterogeneity.ts):
# Grunfeld firms in two groups (firm <= 5: "large", else "small"); inv ~ value + capital | firm + year
# per group, and the interaction test of equal value slopes: inv ~ value + value:small + capital | firm + year,
# Wald test of the interaction with the cluster-robust (firm) variance, LSDV preset (sandwich vcovCL HC1).
# Run from this folder with Debian's r-base-core, r-cran-sandwich: Rscript heterogeneity_reference.R
suppressMessages(library(sandwich))
g <- read.csv("grunfeld.csv")
g$size <- ifelse(g$firm <= 5, "large", "small")
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
per <- sapply(c("large", "small"), function(s) {
  d <- g[g$size == s, ]
  m <- lm(inv ~ value + capital + factor(firm) + factor(year), data = d)
  V <- vcovCL(m, cluster = ~firm, type = "HC1", cadjust = TRUE)
  c(coef(m)["value"], sqrt(V["value", "value"]), nobs(m))
})
g$vs <- g$value * (g$size == "small")
m <- lm(inv ~ value + vs + capital + factor(firm) + factor(year), data = g)
V <- vcovCL(m, cluster = ~firm, type = "HC1", cadjust = TRUE)
W <- unname(coef(m)["vs"]^2 / V["vs", "vs"])
G <- length(unique(g$firm))
dir.create("fixtures", showWarnings = FALSE)
writeLines(c("{",
  sprintf('  "groups": ["large", "small"], "estimate": %s, "se": %s, "n": %s,', num(per[1, ]), num(per[2, ]), num(per[3, ])),
  sprintf('  "diff": %s, "wald": %s, "F": %s, "p": %s', formatC(unname(coef(m)["vs"]), digits = 17, format = "g"), formatC(W, digits = 17, format = "g"), formatC(W, digits = 17, format = "g"), formatC(pf(W, 1, G - 1, lower.tail = FALSE), digits = 17, format = "g")),
  "}"), "fixtures/heterogeneity.json")
