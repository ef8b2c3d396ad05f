# Second reference for the suest test (src/core/estimate/suest.ts): R sandwich on the stacked model.
# With groups on disjoint rows, Stata's suest of the per-group dummy regressions is the fully
# interacted regression on the pooled rows (each group its own slopes and dummies: block-diagonal
# bread) with the cluster-robust meat summed over the union of the samples and the factor
# G/(G - 1) only: sandwich::vcovCL(type = "HC0", cadjust = TRUE). Grunfeld, as suest_reference.py.
# Run from this folder with Debian's r-base-core and r-cran-sandwich: Rscript suest_reference.R
suppressMessages(library(sandwich))
g <- read.csv("grunfeld.csv")
g$size <- factor(ifelse(g$firm <= 5, "large", "small"))
g$three <- factor(ifelse(g$firm <= 3, "a", ifelse(g$firm <= 7, "b", "c")))
test <- function(grp, cluster = NULL, cadjust = TRUE) {
  g$grp <- g[[grp]]
  m <- lm(inv ~ 0 + grp + grp:(value + capital) + grp:factor(firm) + grp:factor(year), data = g)
  b <- coef(m)
  keep <- !is.na(b)
  V <- if (is.null(cluster)) vcovCL(m, cluster = seq_len(nrow(g)), type = "HC0", cadjust = cadjust)
       else vcovCL(m, cluster = g[[cluster]], type = "HC0", cadjust = cadjust)
  nm <- paste0("grp", levels(g$grp), ":value")
  bv <- b[nm]; Vv <- V[nm, nm]
  G <- length(nm)
  R <- cbind(-1, diag(G - 1))
  d <- R %*% bv
  W <- drop(t(d) %*% solve(R %*% Vv %*% t(R), d))
  list(estimate = unname(bv), se = unname(sqrt(diag(Vv))), chi2 = W, p = pchisq(W, G - 1, lower.tail = FALSE))
}
res <- list(
  two_cluster_firm = test("size", "firm"),
  two_cluster_year = test("size", "year"),
  two_robust = test("size"),
  two_cluster_year_cr0 = test("size", "year", cadjust = FALSE),
  three_cluster_year = test("three", "year")
)
num <- function(x) paste0("[", paste(formatC(x, digits = 17, format = "g"), collapse = ", "), "]")
body <- vapply(names(res), function(k) {
  r <- res[[k]]
  sprintf('  "%s": {"estimate": %s, "se": %s, "chi2": %s, "p": %s}', k, num(r$estimate), num(r$se),
          formatC(r$chi2, digits = 17, format = "g"), formatC(r$p, digits = 17, format = "g"))
}, "")
writeLines(c("{", paste(body, collapse = ",\n"), "}"), "fixtures/suest_r.json")
