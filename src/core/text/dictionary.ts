/**
 * Keyword dictionaries for the firm digitalisation text index: terms in named
 * groups. The default is the 76 terms in five groups of 吴非, 胡慧芷, 林慧妍,
 * 任晓怡 (2021), 企业数字化转型与资本市场表现, 管理世界 37(7), Figure 1
 * (data/wufei-dt-dictionary, with its source). Custom dictionaries are checked
 * here so every front end reports the same problems.
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import wufeiJson from '../../../data/wufei-dt-dictionary/wufei2021_digital_transformation_dictionary.json' with {
  type: 'json',
};

export interface DictionaryGroup {
  /** Stable id used as a key in results, e.g. "big_data". */
  id: string;
  name: Bilingual;
  terms: string[];
}

export interface Dictionary {
  id: string;
  name: Bilingual;
  /** Citation of where the terms come from. */
  source: string;
  groups: DictionaryGroup[];
}

const WUFEI_GROUP_EN: Record<string, string> = {
  artificial_intelligence: 'artificial intelligence technology',
  big_data: 'big data technology',
  cloud_computing: 'cloud computing technology',
  blockchain: 'blockchain technology',
  digital_technology_application: 'digital technology application',
};

/**
 * 吴非 et al. (2021) digital transformation dictionary: 76 terms in five groups
 * (15 AI, 9 big data, 13 cloud computing, 5 blockchain, 34 application).
 * @example WUFEI_2021.groups.map((g) => g.terms.length) // [15, 9, 13, 5, 34]
 */
export const WUFEI_2021: Dictionary = {
  id: 'wufei2021',
  name: bi('吴非等（2021）数字化转型词典', 'Wu Fei et al. (2021) digital transformation dictionary'),
  source: wufeiJson.source,
  groups: Object.entries(wufeiJson.groups).map(([id, g]) => ({
    id,
    name: bi(g.zh, WUFEI_GROUP_EN[id] ?? id),
    terms: [...g.keywords],
  })),
};

/** All terms of a dictionary with their group id, in dictionary order. */
export function dictionaryTerms(dict: Dictionary): Array<{ term: string; group: string }> {
  return dict.groups.flatMap((g) => g.terms.map((term) => ({ term, group: g.id })));
}

/**
 * Build a dictionary from (group, term) rows, e.g. a CSV with columns
 * `group,term`. Empty terms, duplicates (within or across groups) and terms
 * with surrounding spaces are errors that name the row; nothing is dropped.
 * @example dictionaryFromRows([{ group: 'ai', term: '人工智能', row: 2 }], 'my.csv')
 */
export function dictionaryFromRows(
  rows: Array<{ group: string; term: string; row: number; groupName?: string }>,
  file: string,
): Dictionary {
  const problems: Problem[] = [];
  const groups = new Map<string, DictionaryGroup>();
  const seen = new Map<string, number>();
  for (const r of rows) {
    const term = r.term ?? '';
    const group = (r.group ?? '').trim();
    if (!group) {
      problems.push({
        code: 'dictionary-no-group',
        severity: 'error',
        file,
        row: r.row,
        column: 'group',
        message: bi('词条没有分组', 'term has no group'),
        fix: bi('填写 group 列', 'fill in the group column'),
      });
      continue;
    }
    if (!term.trim()) {
      problems.push({
        code: 'dictionary-empty-term',
        severity: 'error',
        file,
        row: r.row,
        column: 'term',
        message: bi('词条为空', 'empty term'),
        fix: bi('填写词条或删除该行', 'fill in the term or delete the row'),
      });
      continue;
    }
    if (term !== term.trim()) {
      problems.push({
        code: 'dictionary-space',
        severity: 'error',
        file,
        row: r.row,
        column: 'term',
        message: bi(`词条 "${term}" 首尾有空格`, `term "${term}" has leading or trailing spaces`),
        fix: bi('删除首尾空格', 'remove the spaces'),
      });
      continue;
    }
    const first = seen.get(term);
    if (first !== undefined) {
      problems.push({
        code: 'dictionary-duplicate',
        severity: 'error',
        file,
        row: r.row,
        column: 'term',
        message: bi(`词条 "${term}" 与第 ${first} 行重复`, `term "${term}" repeats row ${first}`),
        fix: bi('每个词条只保留一次', 'keep each term once'),
      });
      continue;
    }
    seen.set(term, r.row);
    const label = r.groupName || group;
    if (!groups.has(group)) groups.set(group, { id: group, name: bi(label, label), terms: [] });
    groups.get(group)!.terms.push(term);
  }
  if (!problems.length && groups.size === 0) {
    problems.push({
      code: 'dictionary-empty',
      severity: 'error',
      file,
      message: bi('词典没有任何词条', 'the dictionary has no terms'),
      fix: bi('每行给出 group 与 term 两列', 'give a group and a term on each row'),
    });
  }
  if (problems.length) throw new XinzhiError(problems);
  return { id: file, name: bi(file, file), source: file, groups: [...groups.values()] };
}

/**
 * Build a dictionary from parsed JSON: either `{ "groups": { id: [terms] } }`
 * or the shipped form `{ "groups": { id: { "zh": name, "keywords": [terms] } } }`.
 * @example dictionaryFromJson({ groups: { ai: ['人工智能'] } }, 'my.json')
 */
export function dictionaryFromJson(value: unknown, file: string): Dictionary {
  const groupsValue = (value as { groups?: unknown } | null)?.groups;
  if (!groupsValue || typeof groupsValue !== 'object' || Array.isArray(groupsValue)) {
    throw new XinzhiError({
      code: 'dictionary-shape',
      severity: 'error',
      file,
      message: bi('JSON 词典缺少 "groups" 对象', 'the JSON dictionary has no "groups" object'),
      fix: bi('写成 {"groups": {"组名": ["词1", "词2"]}}', 'write {"groups": {"group": ["term1", "term2"]}}'),
    });
  }
  const rows: Array<{ group: string; term: string; row: number; groupName?: string }> = [];
  let row = 0;
  for (const [id, g] of Object.entries(groupsValue as Record<string, unknown>)) {
    const list = Array.isArray(g) ? g : (g as { keywords?: unknown })?.keywords;
    const zh = Array.isArray(g) ? undefined : (g as { zh?: unknown })?.zh;
    const groupName = typeof zh === 'string' ? zh : undefined;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      throw new XinzhiError({
        code: 'dictionary-shape',
        severity: 'error',
        file,
        column: id,
        message: bi(`分组 "${id}" 不是字符串数组`, `group "${id}" is not a list of strings`),
        fix: bi(
          '每个分组给出字符串数组或 {"keywords": [...]}',
          'give each group a list of strings or {"keywords": [...]}',
        ),
      });
    }
    for (const term of list as string[]) rows.push({ group: id, term, row: ++row, groupName });
  }
  return dictionaryFromRows(rows, file);
}
