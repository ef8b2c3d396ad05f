# Reference numbers for the panel fixed-effects estimator (src/core/estimate).
# Run from this folder with Debian's r-base-core, r-cran-plm, r-cran-sandwich:
#   Rscript fe_reference.R
# Writes grunfeld.csv (plm's Grunfeld data: 10 US firms x 20 years, Grunfeld 1958,
# a public-domain classic shipped with plm) and fixtures/fe.json.
suppressMessages({ library(plm); library(sandwich) })
data("Grunfeld", package = "plm")
write.csv(Grunfeld[, c("firm", "year", "inv", "value", "capital")], "grunfeld.csv", row.names = FALSE)
N <- nrow(Grunfeld); G <- length(unique(Grunfeld$firm))
out <- list()
se <- function(V) unname(sqrt(diag(V)))

# Two-way FE, inv ~ value + capital | firm + year
tw <- plm(inv ~ value + capital, data = Grunfeld, index = c("firm", "year"), model = "within", effect = "twoways")
lsdv <- lm(inv ~ value + capital + factor(firm) + factor(year), data = Grunfeld)
V0 <- vcovHC(tw, method = "arellano", type = "HC0", cluster = "group")
out$twoway <- list(
  terms = c("value", "capital"),
  estimate = unname(coef(tw)),
  # iid: the LSDV regression's classical standard errors (df = N - all coefficients)
  se_iid = unname(summary(lsdv)$coefficients[c("value", "capital"), 2]),
  df_iid = lsdv$df.residual,
  # heteroskedasticity-robust HC1 on the LSDV regression: N/(N - all coefficients)
  se_hc1 = se(vcovHC(lsdv, type = "HC1"))[2:3],
  # cluster by firm, CR0 (no small-sample factor): plm's Arellano HC0
  se_cluster_none = se(V0),
  # plm's "sss": G/(G-1) (N-1)/(N-K), K = slopes only
  se_cluster_plm = se(vcovHC(tw, method = "arellano", type = "sss", cluster = "group")),
  # LSDV / areg: sandwich::vcovCL on the LSDV lm, HC1 with G/(G-1): K = every coefficient
  se_cluster_lsdv = se(vcovCL(lsdv, cluster = ~firm, type = "HC1", cadjust = TRUE))[2:3],
  r2_within = unname(summary(tw)$r.squared["rsq"]),
  n = N, clusters = G
)

# Published: fixest vignette "On standard-errors", Grunfeld inv ~ capital | firm + year,
# clustered by firm, Stata reghdfe = fixest default: 0.06328129 (printed to 8 digits).
tw1 <- plm(inv ~ capital, data = Grunfeld, index = c("firm", "year"), model = "within", effect = "twoways")
out$published <- list(term = "capital", estimate = unname(coef(tw1)), se_stata = 0.06328129)

# One-way (firm) FE, cluster by firm
ow <- plm(inv ~ value + capital, data = Grunfeld, index = c("firm", "year"), model = "within", effect = "individual")
lsdv1 <- lm(inv ~ value + capital + factor(firm), data = Grunfeld)
out$oneway <- list(
  terms = c("value", "capital"),
  estimate = unname(coef(ow)),
  se_iid = unname(summary(lsdv1)$coefficients[c("value", "capital"), 2]),
  se_cluster_plm = se(vcovHC(ow, method = "arellano", type = "sss", cluster = "group")),
  se_cluster_lsdv = se(vcovCL(lsdv1, cluster = ~firm, type = "HC1", cadjust = TRUE))[2:3],
  se_cluster_none = se(vcovHC(ow, method = "arellano", type = "HC0", cluster = "group")),
  r2_within = unname(summary(ow)$r.squared["rsq"])
)
json <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste(sprintf('"%s": %s', names(x), sapply(x, json)), collapse = ", "), "}"))
    return(paste0("[", paste(sapply(x, json), collapse = ", "), "]"))
  }
  if (is.character(x)) { s <- sprintf('"%s"', x); return(if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]")) }
  s <- formatC(x, digits = 17, format = "g")
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
writeLines(json(out), "fixtures/fe.json")
