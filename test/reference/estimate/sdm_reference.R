# Reference values for the spatial panel models (SDM, SAR, SEM with unit, time and
# two-way fixed effects): R spatialreg / spdep on the within-transformed data with the
# block-diagonal weights kronecker(Diagonal(T), W), plus the same estimator written
# out by hand (concentrated likelihood, information matrices, Lee-Yu correction).
# Run from the project root:  Rscript test/reference/estimate/sdm_reference.R
# Writes test/reference/estimate/fixtures/sdm.json. Needs r-cran-spatialreg,
# r-cran-spdep, r-cran-jsonlite, r-cran-numderiv.
#
# Data: the province panel (31 provinces x 2013-2022) in data/province-panel/ with
# queen contiguity of the provinces (spdep poly2nb on the bundled boundaries, Hainan
# linked to Guangdong), the edge list written by test/reference/analysis/spatial_reference.R.
suppressMessages({ library(spatialreg); library(spdep); library(Matrix); library(jsonlite); library(numDeriv) })

df <- read.csv("data/province-panel/province_panel_2013_2022.csv", check.names = FALSE)
ed <- read.csv("test/reference/analysis/fixtures/queen31_edges.csv")
units <- unique(df$Province)
N <- length(units)
years <- sort(unique(df$Year))
T <- length(years)
A <- matrix(0, N, N)
A[cbind(match(ed$from, units), match(ed$to, units))] <- 1
W <- A / rowSums(A)
stopifnot(all(A == t(A)))

yname <- "Digital Economy"
xnames <- c("Urbanization Level", "Openness Level", "Higher Education Share")
df <- df[order(df$Year, match(df$Province, units)), ] # period by period, units in W order
stopifnot(all(df$Province == rep(units, T)))

within <- function(v, fe) {
  m <- matrix(v, N, T) # column t = period t
  um <- rowMeans(m); tm <- colMeans(m); all <- mean(m)
  out <- switch(fe,
    unit = m - um,
    time = sweep(m, 2, tm),
    both = sweep(m - um, 2, tm) + all)
  as.vector(out)
}
WT <- kronecker(Diagonal(T), Matrix(W, sparse = TRUE))
lwT <- mat2listw(as.matrix(WT), style = "W")
omega <- Re(eigen(W, only.values = TRUE)$values)
lag <- function(v) as.vector(WT %*% v)

num <- function(x) unname(as.numeric(x))
res <- list(units = units, y = yname, x = xnames, N = N, T = T,
            interval = num(1 / range(omega)))

for (fe in c("unit", "time", "both")) {
  y <- within(df[[yname]], fe)
  X <- sapply(xnames, function(k) within(df[[k]], fe))
  colnames(X) <- paste0("x", seq_along(xnames))
  WX <- apply(X, 2, lag)
  colnames(WX) <- paste0("W.", colnames(X))
  Wy <- lag(y)
  n <- N * T
  d <- data.frame(y = y, X)
  k <- ncol(X)

  # 1. spatialreg on the within data (no intercept): SDM, SAR, SEM
  fo <- as.formula(paste("y ~", paste(colnames(X), collapse = " + "), "- 1"))
  sdm <- lagsarlm(fo, data = d, listw = lwT, Durbin = TRUE, method = "eigen",
                  control = list(pre_eig = rep(omega, T)))
  sar <- lagsarlm(fo, data = d, listw = lwT, method = "eigen", control = list(pre_eig = rep(omega, T)))
  sem <- errorsarlm(fo, data = d, listw = lwT, method = "eigen", control = list(pre_eig = rep(omega, T)))
  imp <- impacts(sdm, listw = lwT)
  set.seed(20261205)
  impsim <- summary(impacts(sdm, listw = lwT, R = 5000), zstats = TRUE)

  # 2. the same estimator by hand, with a tight tolerance on rho
  Z <- cbind(X, WX)
  ll_lag <- function(rho, Z) {
    e <- lm.fit(Z, y - rho * Wy)$residuals
    -n / 2 * (log(2 * pi) + log(sum(e^2) / n) + 1) + T * sum(log(1 - rho * omega))
  }
  # optimize() stops at about 1.5e-8 relative (its sqrt(eps) |x| term); the root of the
  # analytic concentrated score, bracketed around that optimum, gives rho to ~1e-15
  fitlag <- function(Z) {
    o <- optimize(function(r) -ll_lag(r, Z), 1 / range(omega), tol = 1e-14)
    e0 <- lm.fit(Z, y)$residuals; eL <- lm.fit(Z, Wy)$residuals
    score <- function(r) n * sum(e0 * eL - r * eL^2) / sum((e0 - r * eL)^2) - T * sum(omega / (1 - r * omega))
    h <- 1e-6 * max(1, abs(o$minimum))
    rho <- uniroot(score, c(o$minimum - h, o$minimum + h), tol = 1e-16)$root
    o$objective <- -ll_lag(rho, Z)
    beta <- qr.coef(qr(Z), y - rho * Wy)
    e <- as.vector(y - rho * Wy - Z %*% beta)
    list(rho = rho, beta = beta, e = e, sigma2 = sum(e^2) / n, ll = -o$objective)
  }
  f <- fitlag(Z)
  fsar <- fitlag(X)
  ll_err <- function(l) {
    e <- lm.fit(X - l * WX, y - l * Wy)$residuals
    -n / 2 * (log(2 * pi) + log(sum(e^2) / n) + 1) + T * sum(log(1 - l * omega))
  }
  oe <- optimize(function(l) -ll_err(l), 1 / range(omega), tol = 1e-14)

  # information matrices of (beta, theta, rho, sigma2)
  G <- W %*% solve(diag(N) - f$rho * W)
  GT <- kronecker(diag(T), G)
  info <- function(beta, rho, s2, e, form) {
    K <- ncol(Z)
    I <- matrix(0, K + 2, K + 2)
    I[1:K, 1:K] <- crossprod(Z) / s2
    Gr <- W %*% solve(diag(N) - rho * W)
    tr1 <- sum(diag(Gr)); tr2 <- sum(diag(Gr %*% Gr))
    if (form == "observed") {
      I[1:K, K + 1] <- I[K + 1, 1:K] <- crossprod(Z, Wy) / s2
      I[1:K, K + 2] <- I[K + 2, 1:K] <- crossprod(Z, e) / s2^2
      I[K + 1, K + 1] <- T * tr2 + sum(Wy^2) / s2
      I[K + 1, K + 2] <- I[K + 2, K + 1] <- sum(e * Wy) / s2^2
      I[K + 2, K + 2] <- -n / (2 * s2^2) + sum(e^2) / s2^3
    } else {
      GZb <- as.vector(kronecker(diag(T), Gr) %*% (Z %*% beta))
      I[1:K, K + 1] <- I[K + 1, 1:K] <- crossprod(Z, GZb) / s2
      I[K + 1, K + 1] <- T * (tr2 + sum(Gr * Gr)) + sum(GZb^2) / s2
      I[K + 1, K + 2] <- I[K + 2, K + 1] <- T * tr1 / s2
      I[K + 2, K + 2] <- n / (2 * s2^2)
    }
    I
  }
  Vobs <- solve(info(f$beta, f$rho, f$sigma2, f$e, "observed"))
  Vexp <- solve(info(f$beta, f$rho, f$sigma2, f$e, "expected"))
  # the observed information by numerical differentiation of the full log-likelihood
  llfull <- function(par) {
    K <- ncol(Z); b <- par[1:K]; r <- par[K + 1]; s2 <- par[K + 2]
    e <- y - r * Wy - Z %*% b
    -n / 2 * log(2 * pi * s2) + T * sum(log(1 - r * omega)) - sum(e^2) / (2 * s2)
  }
  Hnum <- -hessian(llfull, c(f$beta, f$rho, f$sigma2))

  # exact impacts by hand: S_k = (I - rho W)^-1 (beta_k I + theta_k W)
  Ainv <- solve(diag(N) - f$rho * W)
  eff <- t(sapply(1:k, function(j) {
    S <- Ainv %*% (f$beta[j] * diag(N) + f$beta[k + j] * W)
    c(direct = mean(diag(S)), total = mean(rowSums(S)))
  }))

  # LM tests on the non-spatial FE model
  ols <- lm(fo, data = d)
  lmt <- lm.LMtests(ols, lwT, test = c("LMerr", "LMlag", "RLMerr", "RLMlag"))
  stat <- function(t) num(t$statistic)

  # Wald tests (theta = 0; theta + rho beta = 0) with both information forms
  waldt <- function(V) {
    K <- 2 * k; idx <- c(1:K, K + 1)
    Vs <- V[idx, idx]
    b <- f$beta[1:k]; th <- f$beta[(k + 1):K]
    R0 <- cbind(matrix(0, k, k), diag(k), 0)
    R1 <- cbind(f$rho * diag(k), diag(k), b)
    g1 <- th + f$rho * b
    c(sar = num(t(th) %*% solve(R0 %*% Vs %*% t(R0)) %*% th),
      sem = num(t(g1) %*% solve(R1 %*% Vs %*% t(R1)) %*% g1))
  }

  # Lee-Yu (2010) bias correction (unit and two-way FE): theta1 = theta + I^-1 a
  leeyu <- NULL
  if (fe != "time") {
    K <- ncol(Z)
    I0 <- info(f$beta, f$rho, f$sigma2, f$e, "expected")
    a <- rep(0, K + 2)
    a[K + 1] <- sum(diag(G)) + if (fe == "both") T / (1 - f$rho) else 0
    a[K + 2] <- (N + if (fe == "both") T else 0) / (2 * f$sigma2)
    par1 <- c(f$beta, f$rho, f$sigma2) + solve(I0, a)
    V1 <- solve(info(par1[1:K], par1[K + 1], par1[K + 2], f$e, "expected"))
    leeyu <- list(beta = num(par1[1:K]), rho = par1[K + 1], sigma2 = par1[K + 2],
                  se = num(sqrt(diag(V1)))[1:(K + 1)])
  }

  res[[fe]] <- list(
    spatialreg = list(
      rho = num(sdm$rho), beta = num(coef(sdm)[-1]), rho_se = num(sdm$rho.se),
      beta_se = num(sdm$rest.se), sigma2 = num(sdm$s2), logLik = num(logLik(sdm)),
      sar_rho = num(sar$rho), sar_beta = num(coef(sar)[-1]), sar_logLik = num(logLik(sar)),
      sem_lambda = num(sem$lambda), sem_beta = num(coef(sem)[-1]), sem_logLik = num(logLik(sem)),
      sem_lambda_se = num(sem$lambda.se), sem_beta_se = num(sem$rest.se),
      direct = num(imp$direct), indirect = num(imp$indirect), total = num(imp$total),
      sim_se_direct = num(impsim$semat[, "Direct"]), sim_se_indirect = num(impsim$semat[, "Indirect"]),
      sim_se_total = num(impsim$semat[, "Total"]),
      lm = list(LMerr = stat(lmt$LMerr), LMlag = stat(lmt$LMlag), RLMerr = stat(lmt$RLMerr), RLMlag = stat(lmt$RLMlag))
    ),
    hand = list(
      rho = f$rho, beta = num(f$beta), sigma2 = f$sigma2, logLik = f$ll,
      se_observed = num(sqrt(diag(Vobs))), se_expected = num(sqrt(diag(Vexp))),
      se_numeric_hessian = num(sqrt(diag(solve(Hnum)))),
      sar_rho = fsar$rho, sar_logLik = fsar$ll, sem_lambda = oe$minimum, sem_logLik = -oe$objective,
      direct = num(eff[, "direct"]), indirect = num(eff[, "total"] - eff[, "direct"]), total = num(eff[, "total"]),
      lrSar = 2 * (f$ll - fsar$ll), lrSem = 2 * (f$ll + oe$objective),
      wald_observed = as.list(waldt(Vobs)), wald_expected = as.list(waldt(Vexp)),
      leeyu = leeyu
    )
  )
}
# Non-symmetric weights (complex eigenvalues): queen contiguity plus three one-way links,
# unit fixed effects, spatialreg lagsarlm (Durbin) with method = "eigen" on the N*T block matrix.
Aa <- A
for (p in list(c("Hainan", "Guangxi"), c("Beijing", "Shandong"), c("Shanghai", "Anhui"))) Aa[match(p[1], units), match(p[2], units)] <- 1
Wa <- Aa / rowSums(Aa)
lwa <- mat2listw(as.matrix(kronecker(Diagonal(T), Matrix(Wa, sparse = TRUE))), style = "W")
y <- within(df[[yname]], "unit")
X <- sapply(xnames, function(k) within(df[[k]], "unit")); colnames(X) <- paste0("x", seq_along(xnames))
d <- data.frame(y = y, X)
fo <- as.formula(paste("y ~", paste(colnames(X), collapse = " + "), "- 1"))
sdma <- lagsarlm(fo, data = d, listw = lwa, Durbin = TRUE, method = "eigen")
impa <- impacts(sdma, listw = lwa)
oa <- eigen(Wa, only.values = TRUE)$values
lmta <- lm.LMtests(lm(fo, data = d), lwa, test = c("LMerr", "LMlag", "RLMerr", "RLMlag"))
res$asymmetric <- list(
  links = list(c("Hainan", "Guangxi"), c("Beijing", "Shandong"), c("Shanghai", "Anhui")),
  complex = any(Im(oa) != 0), interval = num(1 / range(Re(oa))),
  rho = num(sdma$rho), beta = num(coef(sdma)[-1]), beta_se = num(sdma$rest.se), logLik = num(logLik(sdma)),
  direct = num(impa$direct), indirect = num(impa$indirect), total = num(impa$total),
  lm = list(LMerr = num(lmta$LMerr$statistic), LMlag = num(lmta$LMlag$statistic),
            RLMerr = num(lmta$RLMerr$statistic), RLMlag = num(lmta$RLMlag$statistic))
)
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), "test/reference/estimate/fixtures/sdm.json")
cat("wrote test/reference/estimate/fixtures/sdm.json\n")
