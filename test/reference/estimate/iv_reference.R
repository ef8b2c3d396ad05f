# Reference numbers for 2SLS with absorbed fixed effects (src/core/estimate/iv.ts).
# Run from this folder: Rscript iv_reference.R  (r-base-core, r-cran-aer, r-cran-sandwich, r-cran-lmtest)
# Grunfeld, an illustration of the arithmetic only: inv on value (endogenous) with capital
# as the excluded instrument, firm + year dummies (LSDV), so that AER::ivreg gives the
# two-stage least-squares fit with the fixed effects as exogenous regressors.
suppressMessages({ library(AER); library(sandwich); library(lmtest) })
d <- read.csv("grunfeld.csv")
d$firm <- factor(d$firm); d$year <- factor(d$year)
iv <- ivreg(inv ~ value + firm + year | capital + firm + year, data = d)
b <- coef(iv)["value"]
se_iid <- sqrt(vcov(iv)["value", "value"])
se_lsdv <- sqrt(vcovCL(iv, cluster = ~firm, type = "HC1", cadjust = TRUE)["value", "value"])
se_none <- sqrt(vcovCL(iv, cluster = ~firm, type = "HC0", cadjust = FALSE)["value", "value"])
# first stage: value on capital with the dummies; F of the excluded instrument
fs_u <- lm(value ~ capital + firm + year, data = d)
fs_r <- lm(value ~ firm + year, data = d)
F_iid <- anova(fs_r, fs_u)$F[2]
Vfs <- vcovCL(fs_u, cluster = ~firm, type = "HC0", cadjust = FALSE)
F_cr0 <- unname(coef(fs_u)["capital"]^2 / Vfs["capital", "capital"])
res <- c(b = unname(b), se_iid = unname(se_iid), se_lsdv = unname(se_lsdv), se_none = unname(se_none),
         F_iid = F_iid, F_cluster_cr0 = F_cr0, df_iid = iv$df.residual)
writeLines(paste0("{", paste(sprintf('"%s": %s', names(res), formatC(res, digits = 17, format = "g")), collapse = ", "), "}"),
           "fixtures/iv.json")
