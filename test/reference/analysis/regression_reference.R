# Reference values for beta-convergence regressions (R plm 2.6): pooled OLS and
# two-way fixed effects, cluster-robust standard errors by province with
# vcovHC(type = "sss") (= CR1, G/(G-1)(N-1)/(N-K)) and type = "HC1" (N/(N-K)).
# p-values from t with G - 1 df (Stata / statsmodels use_t convention).
# Run from the project root: Rscript test/reference/analysis/regression_reference.R
# Writes test/reference/analysis/fixtures/regression_plm.json.
suppressMessages(library(plm))
df <- read.csv("data/province-panel/province_panel_2013_2022.csv", check.names = FALSE)
names(df) <- make.names(names(df))
df <- df[order(df$Province, df$Year), ]
build <- function(d, y, controls) {
  d <- d[order(d$Province, d$Year), ]
  nxt <- d[match(paste(d$Province, d$Year + 1), paste(d$Province, d$Year)), y]
  out <- data.frame(Province = d$Province, Year = d$Year, g = log(nxt / d[[y]]), lny = log(d[[y]]))
  for (c in controls) out[[c]] <- d[[c]]
  out[!is.na(out$g), ]
}
num <- function(x) ifelse(is.finite(x), sprintf("%.17g", x), "null")
vec <- function(x) paste0("[", paste(num(x), collapse = ","), "]")
cases <- list()
run <- function(name, d, y, controls, model, effect) {
  b <- build(d, y, controls)
  f <- as.formula(paste("g ~", paste(c("lny", controls), collapse = " + ")))
  m <- if (model == "pooling") plm(f, data = b, index = c("Province", "Year"), model = "pooling")
       else plm(f, data = b, index = c("Province", "Year"), model = "within", effect = "twoways")
  G <- length(unique(b$Province))
  res <- c()
  for (type in c("sss", "HC1")) {
    V <- vcovHC(m, type = type, cluster = "group")
    se <- sqrt(diag(V)); t <- coef(m) / se
    p <- 2 * pt(-abs(t), G - 1)
    res <- c(res, sprintf('"%s":{"se":%s,"t":%s,"p":%s}', type, vec(se), vec(t), vec(p)))
  }
  sprintf('{"name":"%s","value":"%s","controls":[%s],"model":"%s","n":%d,"G":%d,"coef":%s,"names":[%s],"r2":%s,%s}',
          name, y, paste0('"', controls, '"', collapse = ","), model, nrow(b), G, vec(coef(m)),
          paste0('"', names(coef(m)), '"', collapse = ","), num(summary(m)$r.squared[["rsq"]]), paste(res, collapse = ","))
}
y <- "Economic.Development.Level"
ctl <- c("Urbanization.Level", "Openness.Level")
cases[[1]] <- run("absolute pooled", df, y, character(0), "pooling")
cases[[2]] <- run("conditional pooled", df, y, ctl, "pooling")
cases[[3]] <- run("absolute twoways", df, y, character(0), "within")
cases[[4]] <- run("conditional twoways", df, y, ctl, "within")
# Unbalanced: drop Beijing 2016, Tibet 2013 and Hainan 2022 (growth steps using them vanish)
drop <- (df$Province == "Beijing" & df$Year == 2016) | (df$Province == "Tibet" & df$Year == 2013) | (df$Province == "Hainan" & df$Year == 2022)
cases[[5]] <- run("conditional twoways unbalanced", df[!drop, ], y, ctl, "within")
cases[[6]] <- run("absolute pooled unbalanced", df[!drop, ], y, character(0), "pooling")
writeLines(paste0("[", paste(cases, collapse = ",\n"), "]"), "test/reference/analysis/fixtures/regression_plm.json")
cat("wrote regression_plm.json\n")
