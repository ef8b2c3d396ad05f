# Reference numbers for two-way clustered standard errors (src/core/estimate/fe.ts,
# Cameron, Gelbach & Miller 2011: V = V_firm + V_year - V_firm∩year).
# Run from this folder with Debian's r-base-core, r-cran-plm, r-cran-sandwich:
#   Rscript twoway_cluster_reference.R
# Writes fixtures/twoway-cluster.json on plm's Grunfeld data, inv ~ value + capital | firm + year.
suppressMessages({ library(plm); library(sandwich) })
data("Grunfeld", package = "plm")
lsdv <- lm(inv ~ value + capital + factor(firm) + factor(year), data = Grunfeld)
terms <- c("value", "capital")
se <- function(V) unname(sqrt(diag(V)[terms]))
N <- nrow(Grunfeld); G1 <- length(unique(Grunfeld$firm)); G2 <- length(unique(Grunfeld$year))
# CR0 of each dimension and of the intersection (sandwich, no adjustment), combined
V0 <- vcovCL(lsdv, cluster = ~ firm + year, type = "HC0", cadjust = FALSE, multi0 = FALSE)
# lsdv preset: every term with its own G/(G-1) and (N-1)/(N-K), K = all coefficients (sandwich HC1 + cadjust)
V_lsdv <- vcovCL(lsdv, cluster = ~ firm + year, type = "HC1", cadjust = TRUE, multi0 = FALSE)
# stata preset as fixest's default for two-way clustering: one factor Gmin/(Gmin-1) (N-1)/(N-K),
# K = slopes + the constant (both fixed effects are nested in a cluster dimension)
Gmin <- min(G1, G2); K_stata <- 2 + 1
V_stata <- V0 * (Gmin / (Gmin - 1)) * ((N - 1) / (N - K_stata))
num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
dir.create("fixtures", showWarnings = FALSE)
writeLines(c(
  "{",
  '  "terms": ["value", "capital"],',
  sprintf('  "estimate": %s,', num(unname(coef(lsdv)[terms]))),
  sprintf('  "se_none": %s,', num(se(V0))),
  sprintf('  "se_lsdv": %s,', num(se(V_lsdv))),
  sprintf('  "se_stata": %s,', num(se(V_stata))),
  sprintf('  "clusters": [%d, %d], "n": %d', G1, G2, N),
  "}"
), "fixtures/twoway-cluster.json")
