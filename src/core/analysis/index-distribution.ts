/**
 * Analysis toolkit, distribution part: coupling coordination, obstacle degree,
 * Dagum Gini, Theil, kernel density (docs/analysis-distribution.md).
 */
export * from './coupling.ts';
export * from './obstacle.ts';
export * from './dagum-gini.ts';
export * from './theil.ts';
export * from './kde.ts';
export * from './distribution-by-time.ts';
