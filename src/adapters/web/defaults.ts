/** The embedded default: the 30-province NQPF intensity panel 2013–2022 and its spec (docs/default-index.md). */
import csv from '../../../data/province-intensity/province_intensity_2013_2022.csv?raw';
import specJson from '../../../data/specs/nqpf-province.json' with { type: 'json' };
import geoUrl from '../../../data/geo/china_provinces.geojson?url';
import type { Spec } from '../../core/measure/spec.ts';

export const DEFAULT_DATA_NAME = 'province_intensity_2013_2022.csv';
export const DEFAULT_DATA_TEXT: string = csv;
/** A fresh copy of the default spec. */
export function defaultSpec(): Spec {
  return structuredClone(specJson) as unknown as Spec;
}
/** URL of the province boundaries (served as a file). */
export const GEO_URL: string = geoUrl;
