# R spdep reference for bench/analysis-moran.ts.
# Usage: Rscript bench/moran_spdep.R POINTS.csv K R  → prints one JSON line of timings (ms) and I.
suppressMessages(library(spdep))
a <- commandArgs(TRUE); d <- read.csv(a[1]); k <- as.integer(a[2]); R <- as.integer(a[3])
t1 <- system.time(lw <- nb2listw(knn2nb(knearneigh(cbind(d$x, d$y), k = k)), style = "W"))[["elapsed"]]
t2 <- system.time(m <- moran.test(d$v, lw))[["elapsed"]]
set.seed(1)
t3 <- system.time(mc <- moran.mc(d$v, lw, nsim = R))[["elapsed"]]
cat(sprintf('{"weights":%.3f,"moran":%.3f,"permutations":%.3f,"I":%.17g,"z":%.17g}\n', t1 * 1e3, t2 * 1e3, t3 * 1e3, m$estimate[[1]], m$statistic[[1]]))
