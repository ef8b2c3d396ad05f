/**
 * Terminal tables of `xinzhi qca` (bilingual headings; numbers with three
 * decimals as the R package QCA prints them). Formatting only: every number
 * comes from the core results.
 */
import { formatProblem, type Problem } from '../../../core/errors.ts';
import type { Lang } from '../../../core/i18n.ts';
import type { ConfigurationTable } from '../../../core/qca/configuration-table.ts';
import type { ExpressionFit } from '../../../core/qca/expression.ts';
import type { Solution } from '../../../core/qca/minimize.ts';
import type { NecessityResult } from '../../../core/qca/necessity.ts';
import type { RobustnessResult } from '../../../core/qca/robustness.ts';
import type { TruthTable } from '../../../core/qca/truth-table.ts';
import { caseList, listsShortened, SHORTENED_NOTE } from '../../report/case-list.ts';
import { textTable } from '../analyze/input.ts';

/** Case names shown per row in the terminal (the rest counted; --json has them all). */
const TERMINAL_CASES = 10;

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const pick = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Warnings to stderr, Chinese then English, so stdout stays one document. */
export function printWarnings(warnings: Problem[]): void {
  for (const w of warnings) process.stderr.write(`${formatProblem(w, 'zh')}\n${formatProblem(w, 'en')}\n`);
}

export function necessityText(res: NecessityResult, lang: Lang): string {
  const h = pick(lang);
  return [
    h(`必要条件分析（结果：${res.outcomeName}）`, `Analysis of necessity (outcome: ${res.outcomeName})`),
    textTable(
      [h('条件', 'condition'), h('一致性 inclN', 'inclN'), h('相关性 RoN', 'RoN'), h('覆盖度 covN', 'covN')],
      res.rows.map((r) => [r.label, f3(r.inclN), f3(r.RoN), f3(r.covN)]),
    ),
  ].join('\n');
}

export function truthTableText(tt: TruthTable, lang: Lang): string {
  const h = pick(lang);
  const o = tt.options;
  return [
    h(
      `真值表（结果：${tt.outcomeName}；一致性阈值 ${o.inclCut}，频数阈值 ${o.nCut}，PRI 阈值 ${o.priCut}）`,
      `Truth table (outcome: ${tt.outcomeName}; consistency cut-off ${o.inclCut}, ` +
        `frequency cut-off ${o.nCut}, PRI cut-off ${o.priCut})`,
    ),
    textTable(
      ['#', ...tt.conditions.map((c) => c.name), 'OUT', 'n', 'incl', 'PRI', h('案例', 'cases')],
      tt.rows.map((r) => [
        String(r.index),
        ...r.config.map(String),
        r.OUT,
        String(r.n),
        f3(r.incl),
        f3(r.PRI),
        caseList(r.cases, lang, TERMINAL_CASES, ','),
      ]),
    ),
    ...(listsShortened(
      tt.rows.map((r) => r.cases),
      TERMINAL_CASES,
    )
      ? [SHORTENED_NOTE[lang]]
      : []),
    h(
      `逻辑余项（无案例的组态）：${tt.remainders.length} 行`,
      `Logical remainders (configurations without cases): ${tt.remainders.length} rows`,
    ),
  ].join('\n');
}

const KIND = {
  complex: ['复杂解', 'Complex solution'],
  parsimonious: ['简约解', 'Parsimonious solution'],
  intermediate: ['中间解', 'Intermediate solution'],
} as const;

export function solutionText(s: Solution, outcome: string, lang: Lang): string {
  const h = pick(lang);
  const title =
    h(KIND[s.kind][0], KIND[s.kind][1]) +
    (s.from ? h(`（来自简约模型 ${s.from}）`, ` (from parsimonious model ${s.from})`) : '');
  const out = [title];
  for (const m of s.models) {
    out.push(`${m.id}: ${m.expression} => ${outcome}`);
    out.push(
      textTable(
        [h('组态', 'term'), 'inclS', 'PRI', 'covS', 'covU', h('案例', 'cases')],
        [
          ...m.terms.map((t) => [
            t.label,
            f3(t.inclS),
            f3(t.PRI),
            f3(t.covS),
            f3(t.covU),
            caseList(t.cases, lang, TERMINAL_CASES, ','),
          ]),
          [m.id, f3(m.inclS), f3(m.PRI), f3(m.covS), '', ''],
        ],
      ),
    );
    if (
      listsShortened(
        m.terms.map((t) => t.cases),
        TERMINAL_CASES,
      )
    )
      out.push(SHORTENED_NOTE[lang]);
  }
  if (s.counterfactuals.length)
    out.push(
      h(
        `使用的反事实（真值表行号）：${s.counterfactuals.join(', ')}`,
        `Counterfactuals used (truth-table rows): ${s.counterfactuals.join(', ')}`,
      ),
    );
  return out.join('\n');
}

/** ● / ⊗ core presence / absence, • / ⓧ peripheral, blank: don't care (multi-value levels written as ●2). */
export function configurationText(t: ConfigurationTable, lang: Lang): string {
  const h = pick(lang);
  const cell = (c: { value: number | null; core: boolean }, multi: boolean) => {
    if (c.value === null) return '';
    const mark = c.value === 0 && !multi ? (c.core ? '⊗' : 'ⓧ') : c.core ? '●' : '•';
    return multi ? `${mark}${c.value}` : mark;
  };
  const multi = t.conditions.map((_, j) => t.terms.some((term) => (term.cells[j].value ?? 0) > 1));
  const body = [
    ...t.conditions.map((c, j) => [c, ...t.terms.map((term) => cell(term.cells[j], multi[j]))]),
    [h('一致性', 'consistency'), ...t.terms.map((x) => f3(x.inclS))],
    ['PRI', ...t.terms.map((x) => f3(x.PRI))],
    [h('原始覆盖度', 'raw coverage'), ...t.terms.map((x) => f3(x.covS))],
    [h('唯一覆盖度', 'unique coverage'), ...t.terms.map((x) => f3(x.covU))],
    [h('总体一致性', 'solution consistency'), f3(t.inclS), ...t.terms.slice(1).map(() => '')],
    [h('总体覆盖度', 'solution coverage'), f3(t.covS), ...t.terms.slice(1).map(() => '')],
  ];
  return [
    h('组态表', 'Configurations'),
    textTable([h('条件', 'condition'), ...t.terms.map((_, k) => `${k + 1}`)], body),
    h(
      '● 核心条件存在，⊗ 核心条件缺失，• 边缘条件存在，ⓧ 边缘条件缺失，空白：可有可无',
      "● core condition present, ⊗ core condition absent, • peripheral present, ⓧ peripheral absent, blank: don't care",
    ),
  ].join('\n');
}

export function robustnessText(res: RobustnessResult, lang: Lang): string {
  const h = pick(lang);
  const sol = (s: { expressions: string[] } | null) => (s ? s.expressions.join(' | ') : '—');
  const s = res.stable;
  const yes = (b: boolean | null) => (b === null ? '—' : b ? h('稳定', 'stable') : h('有变化', 'changes'));
  return [
    h('阈值稳健性', 'Robustness across cut-offs'),
    textTable(
      [
        h('一致性阈值', 'incl cut'),
        h('频数阈值', 'n cut'),
        h('正例行', '1-rows'),
        h('复杂解', 'complex'),
        h('简约解', 'parsimonious'),
        h('中间解', 'intermediate'),
      ],
      res.cells.map((c) => [
        String(c.inclCut),
        String(c.nCut),
        String(c.positiveRows),
        sol(c.complex),
        sol(c.parsimonious),
        sol(c.intermediate),
      ]),
    ),
    h(
      `复杂解：${yes(s.complex)}；简约解：${yes(s.parsimonious)}；中间解：${yes(s.intermediate)}`,
      `complex: ${yes(s.complex)}; parsimonious: ${yes(s.parsimonious)}; intermediate: ${yes(s.intermediate)}`,
    ),
  ].join('\n');
}

export function expressionFitText(res: ExpressionFit, lang: Lang): string {
  const h = pick(lang);
  const s = res.sufficiency;
  const n = res.necessity;
  return [
    h(`拟合参数：${res.expression} → ${res.outcomeName}`, `Parameters of fit: ${res.expression} → ${res.outcomeName}`),
    textTable(
      [h('组态', 'term'), 'inclS', 'PRI', 'covS', 'covU'],
      [
        ...res.terms.map((t) => [t.label, f3(t.inclS), f3(t.PRI), f3(t.covS), f3(t.covU)]),
        [h('整体', 'expression'), f3(s.inclS), f3(s.PRI), f3(s.covS), ''],
      ],
    ),
    h(
      `作为必要条件：inclN ${f3(n.inclN)}，RoN ${f3(n.RoN)}，covN ${f3(n.covN)}`,
      `As a necessary condition: inclN ${f3(n.inclN)}, RoN ${f3(n.RoN)}, covN ${f3(n.covN)}`,
    ),
  ].join('\n');
}
