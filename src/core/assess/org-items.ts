/**
 * Items an organisation adds to the built-in instrument (a consultancy's own
 * questions on a sub-category, a factor upgrade or a management mode): checked
 * here before they become a new instrument version (`extendInstrument`), so a
 * stored assessment can always be scored on the items it was answered with.
 *
 * Rules: ids start with `org.` (so they never clash with later built-in items)
 * and are unique; every item measures a node the scoring structure knows
 * (`structure.measurable`); prompt and help are given in Chinese and English;
 * level items carry descriptors for levels 1, 3 and 5; multi-select items at
 * least two options with unique ids; number items five ascending bands inside
 * [min, max]. Problems name the field (`items[2].anchors.3.en`) and the fix.
 *
 * @example checkOrgItems([{ id: 'org.mes', type: 'level', node: 's000.sub.real-time-monitoring', ... }], structure, 'body')
 */
import { type Problem, XinzhiError } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import type { AssessmentStructure } from './structure.ts';
import type { Instrument, InstrumentItem } from './types.ts';

/** At most this many organisation items in one instrument. */
export const MAX_ORG_ITEMS = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;
const ID = /^org\.[a-z0-9][a-z0-9.-]{0,60}$/;

/**
 * Check raw items against the structure and the items already in `base`;
 * returns typed items or throws every problem found.
 */
export function checkOrgItems(
  raw: unknown,
  structure: AssessmentStructure,
  base: Instrument,
  file = 'request body',
): InstrumentItem[] {
  const problems: Problem[] = [];
  const bad = (column: string, message: Bilingual, fix: Bilingual) =>
    problems.push({ code: 'bad-org-item', severity: 'error', file, column, message, fix });
  if (!Array.isArray(raw) || raw.length === 0) {
    bad(
      'items',
      bi('应为非空数组', 'must be a non-empty array'),
      bi('写成 {"items": [{…}]}。', 'Write {"items": [{…}]}.'),
    );
    throw new XinzhiError(problems);
  }
  const orgCount = base.items.filter((i) => i.id.startsWith('org.')).length;
  if (orgCount + raw.length > MAX_ORG_ITEMS)
    bad(
      'items',
      bi(`机构自定义题目最多 ${MAX_ORG_ITEMS} 道`, `at most ${MAX_ORG_ITEMS} organisation items`),
      bi('合并或删减题目。', 'Merge or drop items.'),
    );
  const seen = new Set(base.items.map((i) => i.id));
  const bilingual = (v: unknown, at: string, max?: number): Bilingual | null => {
    if (isObject(v) && isText(v.zh, max) && isText(v.en, max)) return { zh: v.zh.trim(), en: v.en.trim() };
    bad(
      at,
      bi('需要中文与英文两种文字', 'needs the text in Chinese and English'),
      bi('写成 {"zh": "…", "en": "…"}。', 'Write {"zh": "…", "en": "…"}.'),
    );
    return null;
  };
  const items: InstrumentItem[] = [];
  raw.forEach((r, k) => {
    const at = (f: string) => `items[${k}]${f ? `.${f}` : ''}`;
    if (!isObject(r)) {
      bad(at(''), bi('应为对象', 'must be an object'), bi('每道题写成一个对象。', 'Write each item as an object.'));
      return;
    }
    const id = r.id;
    if (typeof id !== 'string' || !ID.test(id))
      bad(
        at('id'),
        bi(
          '编号应以 org. 开头，只用小写字母、数字、点和连字符',
          'the id must start with org. and use lowercase letters, digits, dots and hyphens',
        ),
        bi('例如 org.mes-coverage。', 'For example org.mes-coverage.'),
      );
    else if (seen.has(id))
      bad(at('id'), bi(`编号 ${id} 已存在`, `the id ${id} is taken`), bi('换一个编号。', 'Choose another id.'));
    else seen.add(id);
    const node = r.node;
    if (typeof node !== 'string' || !structure.measurable.has(node))
      bad(
        at('node'),
        bi(`"${String(node)}" 不是可测量的框架节点`, `"${String(node)}" is not a measurable framework node`),
        bi(
          '用种子 000 的子范畴、要素升级或管理模式，或种子 003 的企业路径与资源机制（见 GET /api/instrument 中各题的 node）。',
          'Use a seed-000 sub-category, factor upgrade or management mode, or a seed-003 enterprise path or resource mechanism (see the node of the items in GET /api/instrument).',
        ),
      );
    const prompt = bilingual(r.prompt, at('prompt'), 500);
    const help = bilingual(r.help, at('help'));
    let weight: number | undefined;
    if (r.weight !== undefined) {
      if (typeof r.weight === 'number' && Number.isFinite(r.weight) && r.weight > 0 && r.weight <= 100)
        weight = r.weight;
      else
        bad(
          at('weight'),
          bi('权重应为 (0, 100] 中的数', 'the weight must be a number in (0, 100]'),
          bi('省略则为 1。', 'Leave it out for 1.'),
        );
    }
    const common = {
      id: String(id),
      node: String(node),
      prompt: prompt ?? bi('', ''),
      help: help ?? bi('', ''),
      ...(weight !== undefined ? { weight } : {}),
    };
    if (r.type === 'level') {
      const a = isObject(r.anchors) ? r.anchors : {};
      const l1 = bilingual(a['1'], at('anchors.1'));
      const l3 = bilingual(a['3'], at('anchors.3'));
      const l5 = bilingual(a['5'], at('anchors.5'));
      if (l1 && l3 && l5) items.push({ ...common, type: 'level', anchors: { 1: l1, 3: l3, 5: l5 } });
    } else if (r.type === 'multi') {
      const opts = Array.isArray(r.options) ? r.options : [];
      const ids = new Set<string>();
      const options: Array<{ id: string; label: Bilingual }> = [];
      if (opts.length < 2 || opts.length > 30)
        bad(
          at('options'),
          bi('需要 2–30 个选项', 'needs 2–30 options'),
          bi('列出做法选项。', 'List the practices as options.'),
        );
      opts.forEach((o, j) => {
        const oid = isObject(o) ? o.id : undefined;
        if (typeof oid !== 'string' || !/^[a-z0-9][a-z0-9.-]{0,40}$/.test(oid) || ids.has(oid)) {
          bad(
            at(`options[${j}].id`),
            bi('选项编号缺失、重复或含非法字符', 'option id missing, repeated or with other characters'),
            bi('用小写字母、数字、点和连字符。', 'Use lowercase letters, digits, dots and hyphens.'),
          );
          return;
        }
        ids.add(oid);
        const label = bilingual(isObject(o) ? o.label : undefined, at(`options[${j}].label`), 300);
        if (label) options.push({ id: oid, label });
      });
      if (options.length === opts.length && opts.length >= 2) items.push({ ...common, type: 'multi', options });
    } else if (r.type === 'number') {
      const unit = bilingual(r.unit, at('unit'), 50);
      const { min, max, bands } = r;
      const okBands =
        Array.isArray(bands) &&
        bands.length === 5 &&
        bands.every((b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || b > (bands[i - 1] as number)));
      const okRange =
        typeof min === 'number' && typeof max === 'number' && Number.isFinite(min) && Number.isFinite(max) && min < max;
      if (!okRange)
        bad(
          at('min'),
          bi('需要有限的 min < max', 'needs finite min < max'),
          bi('给出可接受的取值范围。', 'Give the range of accepted values.'),
        );
      if (!okBands)
        bad(
          at('bands'),
          bi('需要 5 个递增的数', 'needs 5 ascending numbers'),
          bi('第 k 个数是达到第 k 级的门槛。', 'The k-th number is the threshold of level k.'),
        );
      else if (okRange && ((bands as number[])[0] < (min as number) || (bands as number[])[4] > (max as number)))
        bad(
          at('bands'),
          bi('门槛应在 [min, max] 之内', 'the bands must lie within [min, max]'),
          bi('调整门槛或范围。', 'Adjust the bands or the range.'),
        );
      if (unit && okBands && okRange)
        items.push({
          ...common,
          type: 'number',
          unit,
          bands: bands as [number, number, number, number, number],
          min: min as number,
          max: max as number,
        });
    } else
      bad(
        at('type'),
        bi('题型应为 level、multi 或 number', 'the type must be level, multi or number'),
        bi('选择一种题型。', 'Choose one type.'),
      );
  });
  if (problems.length > 0) throw new XinzhiError(problems);
  return items;
}
