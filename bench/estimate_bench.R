# Reference side of bench/estimate.ts (R with plm and sandwich), timing only the
# estimation (the CSV is read first, outside the clock).
#   Rscript bench/estimate_bench.R fe FILE
#     two-way within (plm, effect = "twoways") with vcovHC(type = "sss",
#     cluster = "group"): prints JSON {seconds, coef, se}
#   Rscript bench/estimate_bench.R mediation FILE DRAWS
#     the three-step mediation with firm and year effects, then a cluster
#     bootstrap of ab (firms resampled with replacement, each copy its own
#     firm), each draw demeaning by firm and year (balanced: x - firm mean -
#     year mean + grand mean) and solving by QR: prints JSON {seconds, ab, se}
suppressPackageStartupMessages({ library(plm); library(sandwich) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[2])
json <- function(x) cat(sprintf("{%s}\n", paste(sprintf('"%s": %s', names(x), sapply(x, function(v)
  if (length(v) == 1) format(v, digits = 17) else sprintf("[%s]", paste(format(v, digits = 17), collapse = ",")))), collapse = ", ")))

if (args[1] == "fe") {
  xs <- grep("^x", names(d), value = TRUE)
  f <- as.formula(paste("y ~", paste(xs, collapse = " + ")))
  pd <- pdata.frame(d, index = c("firm", "year"))
  t0 <- proc.time()[["elapsed"]]
  fit <- plm(f, data = pd, model = "within", effect = "twoways")
  V <- vcovHC(fit, type = "sss", cluster = "group")
  secs <- proc.time()[["elapsed"]] - t0
  json(list(seconds = secs, coef = unname(coef(fit)), se = unname(sqrt(diag(V)))))
} else {
  B <- as.integer(args[3])
  within2 <- function(v, u, t) v - ave(v, u) - ave(v, t) + mean(v)
  ab_of <- function(dd, u) {
    X <- cbind(x = within2(dd$x, u, dd$year), c = within2(dd$c, u, dd$year))
    M <- within2(dd$m, u, dd$year)
    Y <- within2(dd$y, u, dd$year)
    a <- qr.coef(qr(X), M)[["x"]]
    b <- qr.coef(qr(cbind(X, m = M)), Y)[["m"]]
    a * b
  }
  t0 <- proc.time()[["elapsed"]]
  ab <- ab_of(d, d$firm)
  firms <- split(seq_len(nrow(d)), d$firm)
  G <- length(firms)
  set.seed(1)
  draws <- numeric(B)
  for (k in seq_len(B)) {
    pick <- sample.int(G, G, replace = TRUE)
    rows <- unlist(firms[pick], use.names = FALSE)
    u <- rep(seq_len(G), lengths(firms[pick]))
    draws[k] <- ab_of(d[rows, ], u)
  }
  secs <- proc.time()[["elapsed"]] - t0
  json(list(seconds = secs, ab = ab, se = sd(draws)))
}
