/**
 * Paths of the embedded default data, spec and boundaries, resolved relative
 * to the package (so they work from a clone, an installed package or npx).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of the xinzhi package (the directory holding package.json). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The provincial intensity panel 2013–2022 (built by scripts/build-default-panel.ts; data/province-intensity/SOURCE.md). */
export const DEFAULT_DATA = join(PACKAGE_ROOT, 'data', 'province-intensity', 'province_intensity_2013_2022.csv');
/** The default NQPF index spec (docs/default-index.md). */
export const DEFAULT_SPEC = join(PACKAGE_ROOT, 'data', 'specs', 'nqpf-province.json');
/** The former, totals-based default: its panel (scripts/build-totals-panel.ts) and spec, kept as an example. */
export const TOTALS_EXAMPLE_DATA = join(PACKAGE_ROOT, 'data', 'province-panel', 'nqpf_province_2013_2022.csv');
export const TOTALS_EXAMPLE_SPEC = join(PACKAGE_ROOT, 'data', 'specs', 'examples', 'nqpf-province-totals.json');
