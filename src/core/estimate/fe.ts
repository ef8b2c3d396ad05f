/**
 * The estimation layer's name for src/core/regression/fe.ts: the regression
 * code lives below both estimation and analysis (β-convergence uses it too),
 * so analysis never depends on estimation.
 */
export * from '../regression/fe.ts';
