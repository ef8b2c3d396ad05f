# R reference for bench/estimate-sdm.ts: the same two-way FE spatial Durbin model by
# concentrated ML with the eigenvalues of the symmetric form of W (base R eigen on
# OpenBLAS / LAPACK), observed-information standard errors and exact impacts.
# Usage: Rscript bench/estimate_sdm.R EDGES.csv DATA.csv  → one JSON line (ms, rho, logLik).
suppressMessages(library(Matrix))
a <- commandArgs(TRUE)
ed <- read.csv(a[1]); d <- read.csv(a[2])
t0 <- proc.time()[["elapsed"]]
N <- max(d$unit); T <- max(d$time)
A <- sparseMatrix(ed$from, ed$to, x = 1, dims = c(N, N))
deg <- rowSums(A)
W <- Diagonal(x = 1 / deg) %*% A
S <- Diagonal(x = 1 / sqrt(deg)) %*% A %*% Diagonal(x = 1 / sqrt(deg))
omega <- eigen(as.matrix(S), symmetric = TRUE, only.values = TRUE)$values
t1 <- proc.time()[["elapsed"]]
d <- d[order(d$time, d$unit), ]
within <- function(v) { m <- matrix(v, N, T); as.vector(sweep(m - rowMeans(m), 2, colMeans(m)) + mean(m)) }
lagT <- function(v) as.vector(W %*% matrix(v, N, T))
xs <- grep("^x", names(d), value = TRUE)
y <- within(d$y); X <- sapply(xs, function(k) within(d[[k]])); WX <- apply(X, 2, lagT); Wy <- lagT(y)
Z <- cbind(X, WX); n <- N * T
e0 <- lm.fit(Z, y)$residuals; eL <- lm.fit(Z, Wy)$residuals
ll <- function(r) -n / 2 * log(sum((e0 - r * eL)^2) / n) + T * sum(log(1 - r * omega))
rho <- optimize(function(r) -ll(r), 1 / range(omega), tol = 1e-10)$minimum
beta <- qr.coef(qr(Z), y - rho * Wy); e <- as.vector(y - rho * Wy - Z %*% beta); s2 <- sum(e^2) / n
K <- ncol(Z); I <- matrix(0, K + 2, K + 2)
I[1:K, 1:K] <- crossprod(Z) / s2
I[1:K, K + 1] <- I[K + 1, 1:K] <- crossprod(Z, Wy) / s2
I[1:K, K + 2] <- I[K + 2, 1:K] <- crossprod(Z, e) / s2^2
I[K + 1, K + 1] <- T * sum(omega^2 / (1 - rho * omega)^2) + sum(Wy^2) / s2
I[K + 1, K + 2] <- I[K + 2, K + 1] <- sum(e * Wy) / s2^2
I[K + 2, K + 2] <- -n / (2 * s2^2) + sum(e^2) / s2^3
V <- solve(I)
k <- length(xs); idx <- c(1:K, K + 1); L <- t(chol(V[idx, idx]))
eff <- function(p) { b <- p[1:k]; th <- p[(k + 1):K]; r <- p[K + 1]
  dir <- (b * sum(1 / (1 - r * omega)) + th * sum(omega / (1 - r * omega))) / N
  tot <- (b + th) / (1 - r); c(dir, tot - dir, tot) }
point <- eff(c(beta, rho))
set.seed(1)
sims <- replicate(1000, eff(c(beta, rho) + as.vector(L %*% rnorm(K + 1))))
se <- apply(sims, 1, sd)
t2 <- proc.time()[["elapsed"]]
ll_full <- -n / 2 * (log(2 * pi) + log(s2) + 1) + T * sum(log(1 - rho * omega))
cat(sprintf('{"eigen":%.3f,"total":%.3f,"rho":%.17g,"logLik":%.17g}\n', (t1 - t0) * 1e3, (t2 - t0) * 1e3, rho, ll_full))
