/**
 * The built-in instrument (版本 1.0.0): items on every sub-category, factor
 * upgrade and management mode of seed 000's three paths and on seed 003's
 * enterprise AI paths and resource mechanisms. Organisations may add items of
 * their own; the result is a new instrument version of that organisation.
 *
 * @example BUILTIN_INSTRUMENT.items.length // 48
 */
import { bi } from '../i18n.ts';
import { ITEMS_S000 } from './items-s000.ts';
import { ITEMS_S003 } from './items-s003.ts';
import type { Instrument, InstrumentItem } from './types.ts';

export const BUILTIN_INSTRUMENT: Instrument = {
  id: 'xinzhi-nqpf-firm',
  version: '1.0.0',
  title: bi('企业新质生产力自评（数字化与人工智能路径）', 'Firm NQPF self-assessment (digitalisation and AI paths)'),
  items: [...ITEMS_S000, ...ITEMS_S003],
};

/**
 * An organisation's instrument: the built-in items plus its own, versioned
 * `<base>+<org>.<revision>` so stored assessments keep the items they were answered on.
 */
export function extendInstrument(base: Instrument, org: string, revision: number, items: InstrumentItem[]): Instrument {
  return { ...base, version: `${base.version}+${org}.${revision}`, items: [...base.items, ...items] };
}
