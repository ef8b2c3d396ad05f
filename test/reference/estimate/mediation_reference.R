# Reference numbers for the three-step mediation (src/core/estimate/mediation.ts).
# Run from this folder: Rscript mediation_reference.R  (r-base-core, r-cran-plm, r-cran-sandwich)
# Grunfeld (grunfeld.csv): X = value, M = capital, Y = inv, firm + year fixed effects,
# standard errors clustered by firm with Stata's small-sample factor
# G/(G-1) (N-1)/(N-K), K = slopes + 19 year dummies + 1 (firm nested in the clusters;
# the convention whose published Grunfeld figure 0.06328129 fe.test.ts reproduces).
suppressMessages({ library(plm); library(sandwich) })
d <- read.csv("grunfeld.csv")
N <- nrow(d); G <- 10
fit <- function(f, k) {
  m <- plm(f, data = d, index = c("firm", "year"), model = "within", effect = "twoways")
  V <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group") * G / (G - 1) * (N - 1) / (N - (k + 20))
  list(b = coef(m), se = sqrt(diag(V)))
}
tot <- fit(inv ~ value, 1); xm <- fit(capital ~ value, 1); out <- fit(inv ~ value + capital, 2)
a <- unname(xm$b["value"]); sa <- unname(xm$se["value"])
b <- unname(out$b["capital"]); sb <- unname(out$se["capital"])
ab <- a * b
z <- function(v) ab / sqrt(v)
base <- b^2 * sa^2 + a^2 * sb^2
res <- c(a = a, sa = sa, b = b, sb = sb, c = unname(tot$b["value"]), c_direct = unname(out$b["value"]),
         ab = ab, sobel_z = z(base), aroian_z = z(base + sa^2 * sb^2), goodman_z = z(base - sa^2 * sb^2),
         sobel_p = 2 * pnorm(-abs(z(base))))
writeLines(paste0("{", paste(sprintf('"%s": %s', names(res), formatC(res, digits = 17, format = "g")), collapse = ", "), "}"),
           "fixtures/mediation.json")
