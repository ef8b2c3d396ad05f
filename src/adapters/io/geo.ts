/**
 * The bundled province boundaries (data/geo/china_provinces.geojson: 31
 * mainland provinces, Hong Kong, Macao, Taiwan; UN OCHA ROAP COD-AB, CC BY-IGO
 * — credit OCHA wherever a map is shown, see data/geo/SOURCE.md), read from
 * the package relative to this module.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Path of the bundled province GeoJSON inside the package. */
export const PROVINCE_GEOJSON_PATH = fileURLToPath(
  new URL('../../../data/geo/china_provinces.geojson', import.meta.url),
);

let cached: Promise<unknown> | undefined;

/** Parse the bundled province GeoJSON (read once, then shared; treat it as read-only). */
export function loadProvinceGeojson(): Promise<unknown> {
  cached ??= readFile(PROVINCE_GEOJSON_PATH, 'utf8').then((text) => JSON.parse(text) as unknown);
  return cached;
}
