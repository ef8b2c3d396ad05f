# Reference numbers for moderation with a centred interaction (src/core/estimate/moderation.ts).
# Run from this folder: Rscript moderation_reference.R  (r-base-core, r-cran-plm, r-cran-sandwich)
# Grunfeld: Y = inv, X = value, Z = capital, firm + year fixed effects, clustered by firm with
# Stata's factor G/(G-1) (N-1)/(N-K), K = 3 slopes + 19 year dummies + 1.
# X and Z are centred at their sample means; simple slopes of X at Z = mean -/+ 1 SD (sample SD).
suppressMessages({ library(plm); library(sandwich) })
d <- read.csv("grunfeld.csv")
N <- nrow(d); G <- 10
d$xc <- d$value - mean(d$value); d$zc <- d$capital - mean(d$capital); d$xz <- d$xc * d$zc
m <- plm(inv ~ xc + zc + xz, data = d, index = c("firm", "year"), model = "within", effect = "twoways")
V <- vcovHC(m, method = "arellano", type = "HC0", cluster = "group") * G / (G - 1) * (N - 1) / (N - (3 + 20))
b <- coef(m); s <- sd(d$capital)
slope <- function(k) unname(b["xc"] + k * s * b["xz"])
slope_se <- function(k) unname(sqrt(V["xc", "xc"] + (k * s)^2 * V["xz", "xz"] + 2 * k * s * V["xc", "xz"]))
res <- c(b_x = unname(b["xc"]), b_z = unname(b["zc"]), b_xz = unname(b["xz"]),
         se_x = unname(sqrt(V["xc", "xc"])), se_xz = unname(sqrt(V["xz", "xz"])),
         sd_z = s, slope_low = slope(-1), slope_high = slope(1), se_low = slope_se(-1), se_high = slope_se(1))
writeLines(paste0("{", paste(sprintf('"%s": %s', names(res), formatC(res, digits = 17, format = "g")), collapse = ", "), "}"),
           "fixtures/moderation.json")
