/**
 * The firm digitalisation text index (docs/text-index.md): dictionaries,
 * counting rules, filters, cleaning, sections, file names, the per-report
 * runner and the firm × year panel.
 */
export * from './dictionary.ts';
export * from './match.ts';
export * from './filters.ts';
export * from './count.ts';
export * from './clean.ts';
export * from './sections.ts';
export * from './filename.ts';
export * from './script.ts';
export * from './report-index.ts';
export * from './panel.ts';
