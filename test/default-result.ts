/** The embedded default index evaluated through the web session, for tests that need a real result. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from '../src/adapters/web/session.ts';
import type { EvaluationResult } from '../src/core/measure/result.ts';

export const ROOT = resolve(import.meta.dirname, '..');

export async function defaultResult(): Promise<EvaluationResult> {
  const s = new Session();
  const spec = JSON.parse(readFileSync(join(ROOT, 'data/specs/nqpf-province.json'), 'utf8'));
  await s.load(
    new Uint8Array(readFileSync(join(ROOT, 'data/province-intensity/province_intensity_2013_2022.csv'))),
    'province_intensity_2013_2022.csv',
    spec,
  );
  return s.evaluate(spec).result;
}
