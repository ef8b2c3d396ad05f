/**
 * Qualitative comparative analysis (csQCA, mvQCA, fsQCA): calibration,
 * necessity, truth table, minimisation, robustness. See docs/qca.md.
 */
export * from './calibrate.ts';
export * from './fit.ts';
export * from './sets.ts';
export * from './data.ts';
export * from './necessity.ts';
export * from './truth-table.ts';
export * from './quine-mccluskey.ts';
export * from './minimize.ts';
export * from './robustness.ts';
export * from './xy.ts';
export * from './configuration-table.ts';
export * from './calibration-spec.ts';
export * from './expression.ts';
