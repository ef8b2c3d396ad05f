/**
 * Spatial and temporal dynamics: spatial weights, global and local Moran's I,
 * classic and spatial Markov chains, σ- and β-convergence (with the
 * regression helpers they use).
 */
export * from './spatial-weights.ts';
export * from './moran.ts';
export * from './lisa.ts';
export * from './markov.ts';
export * from '../regression/ols.ts';
export * from './convergence.ts';
