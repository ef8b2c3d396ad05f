/**
 * A QCA analysis as report sections (three-line tables, the XY figure), shared
 * by `xinzhi qca minimize --html / --docx` and the web app's QCA page:
 * necessity (inclN, RoN, covN), the truth table (OUT, n, incl, PRI, cases),
 * the solutions (complex, parsimonious, intermediate: every model with its
 * terms' inclS, PRI, covS, covU and cases, the solution's inclS, PRI, covS,
 * counterfactuals), the configuration table in the ● / ⊗ notation that
 * journals print, and the XY plot of the main solution. Numbers come from the
 * core's results objects (core/qca); three decimals as the QCA package prints.
 *
 * @example qcaReportHtml({ necessity, truthTable, minimize, configurations, xy, lang: 'zh' })
 */
import { bi, type Bilingual, type Lang } from '../../core/i18n.ts';
import type { ConfigurationTable } from '../../core/qca/configuration-table.ts';
import type { MinimizeResult, Solution } from '../../core/qca/minimize.ts';
import type { NecessityResult } from '../../core/qca/necessity.ts';
import type { TruthTable } from '../../core/qca/truth-table.ts';
import type { XYPlot } from '../../core/qca/xy.ts';
import { chartFigure } from './charts.ts';
import { type Rasterize, reportDocx } from './docx.ts';
import { type ReportSection, reportDocument } from './html.ts';
import { paragraph } from './markup.ts';
import { xyChart } from './qca-xy-chart.ts';
import { type TableColumn, threeLineTable } from './tables.ts';
import { caseList, listsShortened, SHORTENED_NOTE } from './case-list.ts';

export interface QcaReportInput {
  lang: Lang;
  necessity?: NecessityResult;
  truthTable: TruthTable;
  minimize?: MinimizeResult;
  configurations?: ConfigurationTable;
  xy?: XYPlot;
}

const num = (header: Bilingual): TableColumn => ({ header, kind: 'number', decimals: 3 });
const plain = (s: string): Bilingual => bi(s, s);
/** Case names shown per cell (the rest counted; the JSON output has them all). */
const REPORT_CASES = 30;
/** A table note with the shortened-lists sentence added when a list was shortened. */
function withShortened(note: Bilingual, lists: ReadonlyArray<readonly string[]>): Bilingual {
  if (!listsShortened(lists, REPORT_CASES)) return note;
  const join = (a: string, b: string, sep: string) => (a ? `${a}${sep}${b}` : b);
  return bi(join(note.zh, SHORTENED_NOTE.zh, ''), join(note.en, SHORTENED_NOTE.en, ' '));
}
const KIND: Record<Solution['kind'], Bilingual> = {
  complex: bi('复杂解', 'Complex solution'),
  parsimonious: bi('简约解', 'Parsimonious solution'),
  intermediate: bi('中间解', 'Intermediate solution'),
};

function necessitySection(n: NecessityResult, lang: Lang): ReportSection {
  return {
    id: 'qca-necessity',
    title: bi('必要条件分析', 'Analysis of necessity'),
    html: threeLineTable({
      caption: bi(`必要条件（结果：${n.outcomeName}）`, `Necessary conditions (outcome: ${n.outcomeName})`),
      columns: [{ header: bi('条件', 'Condition') }, num(plain('inclN')), num(plain('RoN')), num(plain('covN'))],
      rows: n.rows.map((r) => [r.label, r.inclN, r.RoN, r.covN]),
      lang,
      note: bi(
        '一致性 inclN 通常要求 ≥ 0.9 方可视为必要条件；RoN 衡量其是否近乎平凡。',
        'A consistency inclN of at least 0.9 is the usual bar for a necessary condition; RoN shows whether it is close to trivial.',
      ),
    }),
  };
}

function truthTableSection(tt: TruthTable, lang: Lang): ReportSection {
  const o = tt.options;
  return {
    id: 'qca-truth-table',
    title: bi('真值表', 'Truth table'),
    html: threeLineTable({
      caption: bi(
        `真值表（结果：${tt.outcomeName}；一致性阈值 ${o.inclCut}，频数阈值 ${o.nCut}，PRI 阈值 ${o.priCut}）`,
        `Truth table (outcome: ${tt.outcomeName}; consistency cut-off ${o.inclCut}, frequency cut-off ${o.nCut}, PRI cut-off ${o.priCut})`,
      ),
      columns: [
        { header: plain('#'), kind: 'integer' },
        ...tt.conditions.map((c) => ({ header: plain(c.name), kind: 'integer' as const })),
        { header: plain('OUT') },
        { header: plain('n'), kind: 'integer' },
        num(plain('incl')),
        num(plain('PRI')),
        { header: bi('案例', 'Cases') },
      ],
      rows: tt.rows.map((r) => [
        r.index,
        ...r.config,
        r.OUT,
        r.n,
        r.incl,
        r.PRI,
        caseList(r.cases, lang, REPORT_CASES),
      ]),
      lang,
      note: withShortened(
        bi(
          `逻辑余项（无案例的组态）${tt.remainders.length} 行未列出。`,
          `${tt.remainders.length} logical remainders (configurations without cases) are not listed.`,
        ),
        tt.rows.map((r) => r.cases),
      ),
    }),
  };
}

function solutionSection(res: MinimizeResult, lang: Lang): ReportSection {
  const solutions = [res.complex, res.parsimonious, ...(res.intermediate ?? [])];
  const tables = solutions.flatMap((s) =>
    s.models.map((m) =>
      threeLineTable({
        caption: bi(
          `${KIND[s.kind].zh}${s.from ? `（来自简约模型 ${s.from}）` : ''} ${m.id}：${m.expression} → ${res.outcomeName}`,
          `${KIND[s.kind].en}${s.from ? ` (from parsimonious model ${s.from})` : ''} ${m.id}: ${m.expression} → ${res.outcomeName}`,
        ),
        columns: [
          { header: bi('组态', 'Term') },
          num(plain('inclS')),
          num(plain('PRI')),
          num(plain('covS')),
          num(plain('covU')),
          { header: bi('案例', 'Cases') },
        ],
        rows: [
          ...m.terms.map((t) => [t.label, t.inclS, t.PRI, t.covS, t.covU, caseList(t.cases, lang, REPORT_CASES)]),
          [lang === 'zh' ? '整体解' : 'Solution', m.inclS, m.PRI, m.covS, null, ''],
        ],
        lang,
        ...(() => {
          const used = s.counterfactuals.length
            ? bi(
                `使用的反事实（真值表行号）：${s.counterfactuals.join(', ')}`,
                `Counterfactuals used (truth-table rows): ${s.counterfactuals.join(', ')}`,
              )
            : bi('', '');
          const note = withShortened(
            used,
            m.terms.map((t) => t.cases),
          );
          return note.en ? { note } : {};
        })(),
      }),
    ),
  );
  return { id: 'qca-solutions', title: bi('解', 'Solutions'), html: tables.join('\n') };
}

/** ● / ⊗ core presence / absence, • / ⓧ peripheral, blank: don't care (multi-value levels as ●2). */
function configurationSection(t: ConfigurationTable, lang: Lang): ReportSection {
  const multi = t.conditions.map((_, j) => t.terms.some((term) => (term.cells[j].value ?? 0) > 1));
  const cell = (c: { value: number | null; core: boolean }, m: boolean) => {
    if (c.value === null) return '';
    const mark = c.value === 0 && !m ? (c.core ? '⊗' : 'ⓧ') : c.core ? '●' : '•';
    return m ? `${mark}${c.value}` : mark;
  };
  const rows = [
    ...t.conditions.map((c, j) => [c, ...t.terms.map((term) => cell(term.cells[j], multi[j]))]),
    [lang === 'zh' ? '一致性' : 'Consistency', ...t.terms.map((x) => x.inclS.toFixed(3))],
    ['PRI', ...t.terms.map((x) => x.PRI.toFixed(3))],
    [lang === 'zh' ? '原始覆盖度' : 'Raw coverage', ...t.terms.map((x) => x.covS.toFixed(3))],
    [lang === 'zh' ? '唯一覆盖度' : 'Unique coverage', ...t.terms.map((x) => x.covU.toFixed(3))],
    [lang === 'zh' ? '总体一致性' : 'Solution consistency', t.inclS.toFixed(3), ...t.terms.slice(1).map(() => '')],
    [lang === 'zh' ? '总体覆盖度' : 'Solution coverage', t.covS.toFixed(3), ...t.terms.slice(1).map(() => '')],
  ];
  return {
    id: 'qca-configurations',
    title: bi('组态表', 'Configurations'),
    html: threeLineTable({
      caption: bi('实现结果的组态', 'Configurations for the outcome'),
      columns: [{ header: bi('条件', 'Condition') }, ...t.terms.map((_, k) => ({ header: plain(String(k + 1)) }))],
      rows,
      lang,
      note: bi(
        '● 核心条件存在，⊗ 核心条件缺失，• 边缘条件存在，ⓧ 边缘条件缺失，空白：可有可无。核心条件同时出现在简约解中。',
        "● core condition present, ⊗ core condition absent, • peripheral present, ⓧ peripheral absent, blank: don't care. Core conditions also appear in the parsimonious solution.",
      ),
    }),
  };
}

/** The sections, in reading order (those without content left out). */
export function qcaSections(input: QcaReportInput): ReportSection[] {
  const { lang } = input;
  const out: ReportSection[] = [];
  if (input.necessity) out.push(necessitySection(input.necessity, lang));
  out.push(truthTableSection(input.truthTable, lang));
  if (input.minimize) out.push(solutionSection(input.minimize, lang));
  if (input.configurations) out.push(configurationSection(input.configurations, lang));
  if (input.xy)
    out.push({
      id: 'qca-xy',
      title: bi('XY 图', 'XY plot'),
      html:
        chartFigure(xyChart(input.xy, { lang, idPrefix: 'qca-xy' }), {
          caption: bi(`主解 ${input.xy.x} 与结果 ${input.xy.y}`, `Main solution ${input.xy.x} against ${input.xy.y}`),
          lang,
        }) +
        paragraph(
          bi(
            '对角线上方的案例与“充分条件”一致；右下方的案例削弱一致性。',
            'Cases on or above the diagonal agree with sufficiency; cases below and to the right lower the consistency.',
          ),
          lang,
        ),
    });
  return out;
}

const TITLE = bi('定性比较分析（QCA）', 'Qualitative comparative analysis (QCA)');

export function qcaReportHtml(input: QcaReportInput): string {
  return reportDocument({ title: TITLE, lang: input.lang, sections: qcaSections(input) });
}

export function qcaReportDocx(input: QcaReportInput, rasterize: Rasterize): Promise<Uint8Array> {
  return reportDocx(qcaSections(input), { lang: input.lang, title: TITLE, rasterize });
}
