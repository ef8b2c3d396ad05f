# Reference numbers for difference-in-differences (src/core/estimate/did.ts and
# event-study.ts): the 2x2 and two-way fixed-effects DID and the event study,
# computed independently as lm() with explicit dummies and sandwich::vcovCL.
# Run from this folder with Debian's r-base-core and r-cran-sandwich:
#   Rscript did_reference.R
# Writes two simulated panels (fixed seed; the numbers are illustrative, not real data):
#   did-common.csv     40 units x 2015-2020, half treated from 2018 (common timing)
#   did-staggered.csv  60 units x 2001-2010, cohorts 2004 / 2006 / 2008 and 18 never treated (cohort 0)
# and fixtures/did.json. cs_reference.py reads did-staggered.csv for Callaway-Sant'Anna.
suppressMessages(library(sandwich))
set.seed(20261205)

# --- common timing panel ---
units <- 1:40; years <- 2015:2020
d <- expand.grid(year = years, unit = units)[, c("unit", "year")]
a <- rnorm(40); g <- 0.2 * (years - 2015) + rnorm(6, sd = 0.3)
d$treat <- as.integer(d$unit <= 20)
d$post <- as.integer(d$year >= 2018)
d$x <- round(rnorm(nrow(d)), 6)
d$y <- round(a[d$unit] + g[d$year - 2014] + 0.4 * d$x + 0.8 * d$treat * d$post + 0.3 * d$treat + rnorm(nrow(d), sd = 0.6), 6)
write.csv(d, "did-common.csv", row.names = FALSE)

# --- staggered adoption panel ---
units <- 1:60; years <- 2001:2010
cohorts <- rep(c(0, 2004, 2006, 2008), c(18, 14, 14, 14))
s <- expand.grid(year = years, unit = units)[, c("unit", "year")]
s$cohort <- cohorts[s$unit]
a <- rnorm(60); g <- 0.1 * (years - 2001) + rnorm(10, sd = 0.2)
s$x <- round(rnorm(nrow(s)), 6)
e <- s$year - s$cohort
eff <- ifelse(s$cohort > 0 & e >= 0, 0.5 + 0.2 * e + 0.1 * (s$cohort == 2004), 0)
s$y <- round(a[s$unit] + g[s$year - 2000] + 0.3 * s$x + eff + rnorm(nrow(s), sd = 0.5), 6)
write.csv(s, "did-staggered.csv", row.names = FALSE)

# read back what the tests read
d <- read.csv("did-common.csv"); s <- read.csv("did-staggered.csv")

# Stata's cluster-robust convention: G/(G-1) (N-1)/(N-K) times the CR0 sandwich,
# K = slopes + absorbed df of the fixed effects not nested in the clusters (constant counted once)
stataV <- function(fit, cluster, K) {
  N <- nobs(fit); G <- length(unique(cluster))
  vcovCL(fit, cluster = cluster, type = "HC0", cadjust = TRUE) * (N - 1) / (N - K)
}
row <- function(fit, V, term, df) {
  b <- unname(coef(fit)[term]); se <- unname(sqrt(V[term, term])); t <- b / se
  q <- qt(0.975, df)
  list(estimate = b, se = se, t = t, p = 2 * pt(-abs(t), df), ci = c(b - q * se, b + q * se))
}
out <- list()

# 2x2 DID: y ~ treat + post + treat:post (pooled OLS with a constant), clustered by unit
f22 <- lm(y ~ treat + post + I(treat * post), data = d)
V <- stataV(f22, d$unit, 3 + 1)
G <- length(unique(d$unit))
out$did2x2 <- list(
  att = row(f22, V, "I(treat * post)", G - 1),
  treat = row(f22, V, "treat", G - 1),
  post = row(f22, V, "post", G - 1),
  n = nobs(f22),
  # classical (iid) standard error of the same regression
  se_iid = unname(summary(f22)$coefficients["I(treat * post)", 2])
)

# two-way FE DID: y ~ treat:post + x | unit + year, clustered by unit (unit nested: K = 2 + 6)
ftw <- lm(y ~ I(treat * post) + x + factor(unit) + factor(year), data = d)
V <- stataV(ftw, d$unit, 2 + 6)
out$twfe <- list(
  att = row(ftw, V, "I(treat * post)", G - 1),
  x = row(ftw, V, "x", G - 1),
  n = nobs(ftw),
  # lsdv preset: sandwich HC1 with G/(G-1) on the dummy regression
  se_lsdv = unname(sqrt(vcovCL(ftw, cluster = d$unit, type = "HC1", cadjust = TRUE)["I(treat * post)", "I(treat * post)"]))
)

# static TWFE on the staggered panel: D = 1{cohort > 0 and year >= cohort}
s$D <- as.integer(s$cohort > 0 & s$year >= s$cohort)
fst <- lm(y ~ D + factor(unit) + factor(year), data = s)
Gs <- length(unique(s$unit))
V <- stataV(fst, s$unit, 1 + 10)
out$staggeredTwfe <- list(att = row(fst, V, "D", Gs - 1), n = nobs(fst))

# event study: dummies for each relative period e = year - cohort (treated units), e = -1 omitted
eventStudy <- function(s, lo = -Inf, hi = Inf, bin = FALSE) {
  rel <- ifelse(s$cohort > 0, s$year - s$cohort, NA)
  keep <- rep(TRUE, nrow(s))
  if (bin) {
    rel <- ifelse(is.na(rel), NA, pmin(pmax(rel, lo), hi))
  } else {
    keep <- is.na(rel) | (rel >= lo & rel <= hi)
  }
  s <- s[keep, ]; rel <- rel[keep]
  periods <- sort(setdiff(unique(rel[!is.na(rel)]), -1))
  nm <- function(p) ifelse(p < 0, paste0("m", -p), paste0("p", p))
  for (p in periods) s[[nm(p)]] <- as.integer(!is.na(rel) & rel == p)
  fml <- as.formula(paste("y ~", paste(nm(periods), collapse = " + "), "+ factor(unit) + factor(year)"))
  fit <- lm(fml, data = s)
  K <- length(periods) + length(unique(s$year))
  V <- stataV(fit, s$unit, K)
  G <- length(unique(s$unit))
  rows <- lapply(periods, function(p) row(fit, V, nm(p), G - 1))
  leads <- nm(periods[periods < -1])
  b <- coef(fit)[leads]; Vl <- V[leads, leads, drop = FALSE]
  W <- as.numeric(t(b) %*% solve(Vl) %*% b); q <- length(leads)
  list(
    periods = periods,
    estimate = sapply(rows, `[[`, "estimate"), se = sapply(rows, `[[`, "se"),
    p = sapply(rows, `[[`, "p"),
    ciLow = sapply(rows, function(r) r$ci[1]), ciHigh = sapply(rows, function(r) r$ci[2]),
    n = nobs(fit),
    pretrend = list(F = W / q, df1 = q, df2 = G - 1, p = pf(W / q, q, G - 1, lower.tail = FALSE), wald = W)
  )
}
out$eventAll <- eventStudy(s)
out$eventBinned <- eventStudy(s, -4, 4, TRUE)
out$eventWindow <- eventStudy(s, -4, 4, FALSE)

# Callaway-Sant'Anna ATT(g,t), never-treated controls, varying base, checked a second way:
# each cell is the OLS slope of the long difference Y_t - Y_b on the cohort dummy among cohort g
# and the never treated, and its influence-function SE is that regression's HC0 sandwich SE
# (sum over units of psi^2 / n^2 = sum e^2 / n_T^2 + sum e^2 / n_C^2).
W <- reshape(s[, c("unit", "year", "y")], idvar = "unit", timevar = "year", direction = "wide")
W <- W[order(W$unit), ]
G <- s$cohort[match(W$unit, s$unit)]
yrs <- sort(unique(s$year))
cells <- list()
for (g in sort(unique(G[G > 0]))) for (ti in 2:length(yrs)) {
  t <- yrs[ti]; b <- if (t < g) yrs[ti - 1] else g - 1
  keep <- G == g | G == 0
  dy <- W[[paste0("y.", t)]][keep] - W[[paste0("y.", b)]][keep]
  D <- as.integer(G[keep] == g)
  fit <- lm(dy ~ D)
  cells[[length(cells) + 1]] <- list(g = g, t = t, att = unname(coef(fit)["D"]),
    se = unname(sqrt(vcovHC(fit, type = "HC0")["D", "D"])))
}
out$csGtNeverVarying <- list(
  g = sapply(cells, `[[`, "g"), t = sapply(cells, `[[`, "t"),
  att = sapply(cells, `[[`, "att"), se = sapply(cells, `[[`, "se"))

json <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste(sprintf('"%s": %s', names(x), sapply(x, json)), collapse = ", "), "}"))
    return(paste0("[", paste(sapply(x, json), collapse = ", "), "]"))
  }
  s <- trimws(formatC(x, digits = 17, format = "g"))
  if (length(x) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
dir.create("fixtures", showWarnings = FALSE)
writeLines(json(out), "fixtures/did.json")
