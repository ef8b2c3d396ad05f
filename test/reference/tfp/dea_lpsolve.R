# Second, solver-independent reference for xinzhi's DEA core: the same
# programmes as dea_reference.py, written again in R and solved by lp_solve
# (R package lpSolve; Debian r-cran-lpsolve) instead of HiGHS.
#
# Run (after dea_reference.py, whose fixture supplies the data):
#   Rscript test/reference/tfp/dea_lpsolve.R
# Needs r-cran-lpsolve and r-cran-jsonlite. Writes fixtures/dea-lpsolve.json:
# CCR/BCC input and output scores and SBM (CRS, VRS) on the hospital example,
# SBM with undesirable outputs and the directional distance on the green data.
suppressPackageStartupMessages({ library(lpSolve); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
fx <- fromJSON(file.path(here, "fixtures", "dea.json"))

# lp_solve keeps variables >= 0; free variables are split into + and - parts.
radial <- function(X, Y, o, rts, orient) {
  n <- nrow(X); m <- ncol(X); s <- ncol(Y)
  # variables: lambda (n), phi
  if (orient == "input") {
    A <- rbind(cbind(t(X), -X[o, ]), cbind(t(Y), 0))
    dir <- c(rep("<=", m), rep(">=", s)); rhs <- c(rep(0, m), Y[o, ])
    obj <- c(rep(0, n), 1); sense <- "min"
  } else {
    A <- rbind(cbind(t(X), 0), cbind(t(Y), -Y[o, ]))
    dir <- c(rep("<=", m), rep(">=", s)); rhs <- c(X[o, ], rep(0, s))
    obj <- c(rep(0, n), 1); sense <- "max"
  }
  if (rts == "vrs") { A <- rbind(A, c(rep(1, n), 0)); dir <- c(dir, "="); rhs <- c(rhs, 1) }
  r <- lp(sense, obj, A, dir, rhs)
  if (orient == "input") r$objval else 1 / r$objval
}

sbm <- function(X, Y, B, o, rts) {
  n <- nrow(X); m <- ncol(X); s1 <- ncol(Y); s2 <- if (is.null(B)) 0 else ncol(B)
  # variables: t, Lambda (n), S- (m), Sg (s1), Sb (s2)
  nv <- 1 + n + m + s1 + s2
  row <- function() rep(0, nv)
  A <- NULL; rhs <- NULL
  r0 <- row(); r0[1] <- 1
  r0[(1 + n + m + 1):(1 + n + m + s1)] <- 1 / ((s1 + s2) * Y[o, ])
  if (s2 > 0) r0[(1 + n + m + s1 + 1):nv] <- 1 / ((s1 + s2) * B[o, ])
  A <- rbind(A, r0); rhs <- c(rhs, 1)
  for (i in 1:m) { r <- row(); r[1] <- -X[o, i]; r[2:(1 + n)] <- X[, i]; r[1 + n + i] <- 1; A <- rbind(A, r); rhs <- c(rhs, 0) }
  for (k in 1:s1) { r <- row(); r[1] <- -Y[o, k]; r[2:(1 + n)] <- Y[, k]; r[1 + n + m + k] <- -1; A <- rbind(A, r); rhs <- c(rhs, 0) }
  if (s2 > 0) for (k in 1:s2) { r <- row(); r[1] <- -B[o, k]; r[2:(1 + n)] <- B[, k]; r[1 + n + m + s1 + k] <- 1; A <- rbind(A, r); rhs <- c(rhs, 0) }
  if (rts == "vrs") { r <- row(); r[1] <- -1; r[2:(1 + n)] <- 1; A <- rbind(A, r); rhs <- c(rhs, 0) }
  obj <- row(); obj[1] <- 1; obj[(1 + n + 1):(1 + n + m)] <- -1 / (m * X[o, ])
  lp("min", obj, A, rep("=", nrow(A)), rhs)$objval
}

ddf <- function(X, Y, B, o, rts) {
  n <- nrow(X); m <- ncol(X); s1 <- ncol(Y); s2 <- ncol(B)
  # variables: lambda (n), beta+ , beta-
  A <- rbind(cbind(t(X), 0, 0), cbind(t(Y), -Y[o, ], Y[o, ]), cbind(t(B), B[o, ], -B[o, ]))
  dir <- c(rep("<=", m), rep(">=", s1), rep("=", s2)); rhs <- c(X[o, ], Y[o, ], B[o, ])
  if (rts == "vrs") { A <- rbind(A, c(rep(1, n), 0, 0)); dir <- c(dir, "="); rhs <- c(rhs, 1) }
  r <- lp("max", c(rep(0, n), 1, -1), A, dir, rhs)
  if (r$status != 0) NA else r$objval
}

hx <- as.matrix(fx$hospitals$x); hy <- as.matrix(fx$hospitals$y)
out <- list(hospitals = list(radial = list(), sbm = list()), green = list(sbm = list(), ddf = list()))
for (rts in c("crs", "vrs")) {
  for (orient in c("input", "output")) {
    out$hospitals$radial[[paste(rts, orient, sep = "-")]] <- sapply(1:12, function(o) radial(hx, hy, o, rts, orient))
  }
  out$hospitals$sbm[[rts]] <- sapply(1:12, function(o) sbm(hx, hy, NULL, o, rts))
}
gx <- as.matrix(fx$green$x); gy <- as.matrix(fx$green$y); gb <- as.matrix(fx$green$b)
for (rts in c("crs", "vrs")) {
  out$green$sbm[[rts]] <- sapply(1:nrow(gx), function(o) sbm(gx, gy, gb, o, rts))
  out$green$ddf[[rts]] <- sapply(1:nrow(gx), function(o) ddf(gx, gy, gb, o, rts))
}
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), file.path(here, "fixtures", "dea-lpsolve.json"))
