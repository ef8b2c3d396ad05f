/**
 * The firm self-assessment report as a document: standalone HTML (prints to
 * PDF from any browser), Word and XLSX. Everything shown comes from the core's
 * results objects (`scoreAssessment`, `assessmentReport`, `compareAssessments`,
 * `peerComparison`); nothing is recomputed here. The HTML and Word documents
 * share their sections, as the index report does (html.ts, docx.ts).
 *
 * Sections: summary and level, current vs target radar of the nine main
 * categories, gaps and priorities (importance × gap), the bottleneck path of
 * the 效率驱动—协同耦合—技术反哺 loop, advice with sources, every sub-category's
 * score, T0 → T1 changes, peer comparison (aggregates over ≥ 5 firms only) and
 * how the scores are made.
 *
 * @example assessmentHtml({ scores, report, structure, instrument, lang: 'zh' })
 */
import ExcelJS from '#exceljs';
import type { PeerComparison } from '../../core/assess/peers.ts';
import type { AssessmentReport, NodeChange } from '../../core/assess/report.ts';
import { AGG, LEVEL_THRESHOLDS, type AssessmentScores } from '../../core/assess/score.ts';
import type { AssessmentStructure } from '../../core/assess/structure.ts';
import type { Instrument } from '../../core/assess/types.ts';
import { bi, both, type Bilingual, type Lang } from '../../core/i18n.ts';
import { PALETTE, chartFigure, renderSvg } from './charts.ts';
import { type Rasterize, reportDocx } from './docx.ts';
import { type ReportSection, reportDocument } from './html.ts';
import { escapeHtml, list, paragraph } from './markup.ts';
import { threeLineTable } from './tables.ts';
import { addSheet, type ColumnDef, xlsxBytes } from './xlsx.ts';

/** The levels of the overall score (MIIT SME digital-level bands 20 / 40 / 60 / 80). */
export const LEVEL_NAMES: readonly Bilingual[] = [
  bi('未达一级', 'below level 1'),
  bi('一级（起步）', 'level 1 (starting)'),
  bi('二级（推进）', 'level 2 (developing)'),
  bi('三级（成熟）', 'level 3 (established)'),
  bi('四级（领先）', 'level 4 (leading)'),
];

export type PeerGroup = 'industry' | 'size' | 'region';

/** What an assessment document shows; every number is read from these objects. */
export interface AssessmentDocumentInput {
  scores: AssessmentScores;
  report: AssessmentReport;
  structure: AssessmentStructure;
  instrument: Instrument;
  lang: Lang;
  /** The firm as stored (name and grouping), when known. */
  firm?: { name: string; industry?: string | null; size?: string | null; region?: string | null };
  /** T0 → T1 against an earlier assessment of the same firm. */
  changes?: NodeChange[];
  /** Peer comparison per group (the server computes it from stored assessments). */
  peers?: Partial<Record<PeerGroup, PeerComparison>>;
}

const SPECIAL_NAMES: Record<string, Bilingual> = {
  [AGG.overall]: bi('新质生产力总分', 'NQPF overall'),
  [AGG.quality]: bi('“质”（高效率·高柔性·高协同）', '"Quality" (efficiency, flexibility, collaboration)'),
  [AGG.novelty]: bi('“新”（新技术·新业态·新模式）', '"New" (technologies, business forms, models)'),
  [AGG.ai]: bi('人工智能职能路径', 'AI functional paths'),
  [AGG.resources]: bi('人工智能资源机制', 'AI resource mechanisms'),
};

/** Display name of any scored node: an aggregate, a path's factor upgrade or preparation, an item or a framework node. */
export function assessNodeName(id: string, structure: AssessmentStructure, instrument?: Instrument): Bilingual {
  if (SPECIAL_NAMES[id]) return SPECIAL_NAMES[id];
  const hash = id.indexOf('#');
  if (hash > 0) {
    const path = structure.node(id.slice(0, hash)).name;
    const part = id.slice(hash + 1);
    if (part === 'factors') return bi(`${path.zh}·要素升级`, `${path.en}: factor upgrade`);
    if (part === 'preparation')
      return bi(`${path.zh}·准备（要素与管理）`, `${path.en}: preparation (factors and mode)`);
  }
  const item = instrument?.items.find((i) => i.id === id);
  if (item) return item.prompt;
  return structure.node(id).name;
}

const STATUS: Record<string, Bilingual> = {
  scored: bi('已评分', 'scored'),
  incomplete: bi('未答完', 'incomplete'),
  'not-applicable': bi('不适用', 'not applicable'),
};

const GROUP_NAMES: Record<PeerGroup, Bilingual> = {
  industry: bi('同行业', 'same industry'),
  size: bi('同规模', 'same size'),
  region: bi('同地区', 'same region'),
};

/** The level sentence: the gated level, the band of the overall score, and why they differ. */
export function levelSentence(s: AssessmentScores): Bilingual {
  if (s.gatedLevel === null)
    return bi(
      `等级：问卷未完成（已答 ${s.answered}/${s.total} 题），不评定等级。`,
      `Level: the questionnaire is incomplete (${s.answered}/${s.total} answered); no level is given.`,
    );
  const g = LEVEL_NAMES[s.gatedLevel];
  const b = LEVEL_NAMES[s.band ?? 0];
  return bi(
    `等级：${g.zh}（按总分为${b.zh}；逐级达标要求每条路径都达到该级门槛）。`,
    `Level: ${g.en} (the overall score alone gives ${b.en}; a level counts only when every path reaches its threshold).`,
  );
}

/** Ids of the summary rows: overall, the three paths, 质, 新, AI paths, resource mechanisms. */
function summaryIds(structure: AssessmentStructure): string[] {
  return [AGG.overall, ...structure.paths.map((p) => p.id), AGG.quality, AGG.novelty, AGG.ai, AGG.resources];
}

/**
 * Radar of the main categories: current score against target (0–100). Incomplete
 * categories are drawn at 0 and named in the caption's note.
 */
export function assessmentRadar(report: AssessmentReport, lang: Lang, opts: { width?: number; height?: number } = {}) {
  const rows = report.gaps;
  const width = opts.width ?? 640;
  const height = opts.height ?? 480;
  const option = {
    color: [PALETTE[0], PALETTE[1]],
    legend: { bottom: 4, data: [lang === 'zh' ? '现状' : 'current', lang === 'zh' ? '目标' : 'target'] },
    radar: {
      center: ['50%', '48%'],
      radius: '62%',
      indicator: rows.map((g) => ({ name: g.name[lang], max: 100, min: 0 })),
      axisName: { color: '#333', fontSize: 11 },
      splitNumber: 5,
    },
    series: [
      {
        type: 'radar',
        data: [
          {
            name: lang === 'zh' ? '现状' : 'current',
            value: rows.map((g) => g.current ?? 0),
            areaStyle: { opacity: 0.15 },
          },
          { name: lang === 'zh' ? '目标' : 'target', value: rows.map((g) => g.target), lineStyle: { type: 'dashed' } },
        ],
      },
    ],
  };
  return renderSvg(option, width, height, 'assess-radar');
}

function summarySection(input: AssessmentDocumentInput): ReportSection {
  const { scores, structure, lang } = input;
  const rows = summaryIds(structure).map((id) => [
    assessNodeName(id, structure)[lang],
    scores.nodes[id]?.score ?? null,
    STATUS[scores.nodes[id]?.status ?? 'incomplete'][lang],
  ]);
  const table = threeLineTable({
    caption: bi('表 1 得分（0–100）', 'Table 1 Scores (0–100)'),
    columns: [
      { header: bi('项目', 'Part') },
      { header: bi('得分', 'Score'), kind: 'number', decimals: 1 },
      { header: bi('状态', 'Status') },
    ],
    rows,
    lang,
  });
  return {
    id: 'summary',
    title: bi('总体结果', 'Summary'),
    html: `${paragraph(levelSentence(scores), lang)}\n${table}`,
  };
}

function radarSection(input: AssessmentDocumentInput): ReportSection | null {
  const { report, lang } = input;
  if (report.gaps.length < 3) return null;
  const missing = report.gaps.filter((g) => g.current === null).map((g) => g.name);
  const note =
    missing.length > 0
      ? bi(
          `未答完、画在 0 处：${missing.map((m) => m.zh).join('、')}。`,
          `Incomplete, drawn at 0: ${missing.map((m) => m.en).join(', ')}.`,
        )
      : undefined;
  const fig = chartFigure(assessmentRadar(report, lang), {
    caption: bi('图 1 九个主范畴的现状与目标', 'Figure 1 Current and target on the nine main categories'),
    lang,
    ...(note ? { note } : {}),
    id: 'assess-radar',
  });
  return { id: 'radar', title: bi('现状与目标', 'Current and target'), html: fig };
}

function gapsSection(input: AssessmentDocumentInput): ReportSection {
  const { report, structure, lang } = input;
  const order = [...report.priorities, ...report.gaps.filter((g) => !report.priorities.includes(g))];
  const table = threeLineTable({
    caption: bi('表 2 差距与优先级（重要性 × 差距）', 'Table 2 Gaps and priorities (importance × gap)'),
    columns: [
      { header: bi('主范畴', 'Main category') },
      { header: bi('路径', 'Path') },
      { header: bi('现状', 'Current'), kind: 'number', decimals: 1 },
      { header: bi('目标', 'Target'), kind: 'number', decimals: 0 },
      { header: bi('差距', 'Gap'), kind: 'number', decimals: 1 },
      { header: bi('重要性', 'Importance'), kind: 'integer' },
      { header: bi('优先级', 'Priority'), kind: 'number', decimals: 1 },
    ],
    rows: order.map((g) => [
      g.name[lang],
      structure.node(g.path).name[lang],
      g.current,
      g.target,
      g.gap,
      g.importance,
      g.priority,
    ]),
    lang,
    note: bi(
      `默认目标为高一级的门槛（${report.targetDefault}）；重要性 1–5 由企业自评，默认 3。优先级为 0 的主范畴已达目标，排在最后。`,
      `The default target is the next level's threshold (${report.targetDefault}); importance 1–5 is the firm's own rating (default 3). Categories with priority 0 have reached their target and come last.`,
    ),
  });
  return { id: 'gaps', title: bi('差距与优先级', 'Gaps and priorities'), html: table };
}

function bottleneckSection(input: AssessmentDocumentInput): ReportSection | null {
  const b = input.report.bottleneck;
  if (!b) return null;
  const cites = b.cite.map((c) => `${c.seed} § ${c.section}`).join('; ');
  return {
    id: 'bottleneck',
    title: bi('瓶颈路径', 'Bottleneck path'),
    html: `${paragraph(b.explanation, input.lang)}\n${paragraph(bi(`出处：${cites}`, `Source: ${cites}`), input.lang)}`,
  };
}

function adviceSection(input: AssessmentDocumentInput): ReportSection | null {
  const { report, lang } = input;
  if (report.recommendations.length === 0) return null;
  const items = report.recommendations.map((r) => {
    const steps = r.nextSteps.map(
      (n) =>
        `<li>${escapeHtml(lang === 'zh' ? `下一步（${n.level} 级）：` : `Next step (level ${n.level}): `)}${escapeHtml(n.text[lang])}</li>`,
    );
    const cites = r.cite.map((c) => `${c.seed} § ${c.section}`).join('; ');
    const score = r.score === null ? '—' : r.score.toFixed(1);
    return (
      `<strong>${escapeHtml(r.name[lang])}</strong> (${score})：${escapeHtml(r.adviceName[lang])} — ${escapeHtml(r.adviceText[lang])}` +
      (steps.length ? `<ul>${steps.join('')}</ul>` : '') +
      `<p class="muted">${escapeHtml(lang === 'zh' ? '出处：' : 'Source: ')}${escapeHtml(cites)}</p>`
    );
  });
  return {
    id: 'advice',
    title: bi('建议（出自框架，附出处）', 'Advice (from the framework, with sources)'),
    html: `${paragraph(bi('针对得分最低的子范畴，建议取自种子论文 000 的实践启示。', 'For the lowest-scoring sub-categories, advice is taken from the practical implications of seed paper 000.'), lang)}\n${list(items)}`,
  };
}

function detailSection(input: AssessmentDocumentInput): ReportSection {
  const { scores, structure, lang } = input;
  const rows: Array<[string, number | null, string]> = [];
  const indent: number[] = [];
  for (const p of structure.paths) {
    rows.push([
      structure.node(p.id).name[lang],
      scores.nodes[p.id]?.score ?? null,
      STATUS[scores.nodes[p.id]?.status ?? 'incomplete'][lang],
    ]);
    indent.push(0);
    for (const m of p.mainCategories) {
      rows.push([
        structure.node(m.id).name[lang],
        scores.nodes[m.id]?.score ?? null,
        STATUS[scores.nodes[m.id]?.status ?? 'incomplete'][lang],
      ]);
      indent.push(1);
      for (const s of m.subCategories) {
        rows.push([
          structure.node(s).name[lang],
          scores.nodes[s]?.score ?? null,
          STATUS[scores.nodes[s]?.status ?? 'incomplete'][lang],
        ]);
        indent.push(2);
      }
    }
  }
  const table = threeLineTable({
    caption: bi('表 3 路径、主范畴与子范畴得分', 'Table 3 Scores of paths, main categories and sub-categories'),
    columns: [
      { header: bi('节点', 'Node') },
      { header: bi('得分', 'Score'), kind: 'number', decimals: 1 },
      { header: bi('状态', 'Status') },
    ],
    rows,
    indent,
    lang,
  });
  return { id: 'detail', title: bi('各子范畴得分', 'Scores by sub-category'), html: table };
}

/** Nodes shown in the T0 → T1 table: aggregates above the sub-categories whose score moved or that are scored on one side only. */
export function shownChanges(input: Pick<AssessmentDocumentInput, 'changes' | 'scores'>): NodeChange[] {
  const kind = (id: string) => input.scores.nodes[id]?.kind;
  return (input.changes ?? []).filter(
    (c) => kind(c.node) !== 'sub-category' && kind(c.node) !== 'item' && c.change !== 0,
  );
}

function changesSection(input: AssessmentDocumentInput): ReportSection | null {
  if (!input.changes) return null;
  const { structure, lang } = input;
  const rows = shownChanges(input).map((c) => [assessNodeName(c.node, structure)[lang], c.before, c.after, c.change]);
  const html =
    rows.length === 0
      ? paragraph(bi('与上次评估相比，没有得分变化。', 'No score changed since the earlier assessment.'), lang)
      : threeLineTable({
          caption: bi('表 4 与上次评估相比（T0 → T1）', 'Table 4 Change since the earlier assessment (T0 → T1)'),
          columns: [
            { header: bi('节点', 'Node') },
            { header: bi('T0', 'T0'), kind: 'number', decimals: 1 },
            { header: bi('T1', 'T1'), kind: 'number', decimals: 1 },
            { header: bi('变化', 'Change'), kind: 'number', decimals: 1 },
          ],
          rows,
          lang,
        });
  return { id: 'changes', title: bi('变化（T0 → T1）', 'Change (T0 → T1)'), html };
}

function peersSection(input: AssessmentDocumentInput): ReportSection | null {
  const { peers, lang } = input;
  if (!peers) return null;
  const groups = (['industry', 'size', 'region'] as const).filter((g) => peers[g]);
  if (groups.length === 0) return null;
  const rows = groups.map((g) => {
    const p = peers[g] as PeerComparison;
    const value = input.firm?.[g];
    const label = `${GROUP_NAMES[g][lang]}${value ? ` (${value})` : ''}`;
    if (!p.shown)
      return [
        label,
        p.n,
        lang === 'zh' ? `不足 ${p.minimum} 家，不显示` : `fewer than ${p.minimum} firms; not shown`,
        null,
        null,
        null,
        null,
      ];
    return [label, p.n, p.mean, p.p25, p.median, p.p75, p.percentileRank];
  });
  const table = threeLineTable({
    caption: bi('表 5 同行比较（总分）', 'Table 5 Peer comparison (overall score)'),
    columns: [
      { header: bi('同行组', 'Peer group') },
      { header: bi('企业数', 'Firms'), kind: 'integer' },
      { header: bi('均值', 'Mean'), kind: 'number', decimals: 1 },
      { header: bi('下四分位', 'P25'), kind: 'number', decimals: 1 },
      { header: bi('中位数', 'Median'), kind: 'number', decimals: 1 },
      { header: bi('上四分位', 'P75'), kind: 'number', decimals: 1 },
      { header: bi('百分位', 'Percentile'), kind: 'number', decimals: 1 },
    ],
    rows,
    lang,
    note: bi(
      '只用已存储的评估计算，只给汇总数，且同组至少 5 家其他企业才显示；四分位为 R 第 7 类分位数。',
      'Computed only from stored assessments, aggregates only, shown only when the group has at least 5 other firms; quartiles are R type 7.',
    ),
  });
  return { id: 'peers', title: bi('同行比较', 'Peer comparison'), html: table };
}

function methodSection(input: AssessmentDocumentInput): ReportSection {
  const { instrument, lang } = input;
  const th = LEVEL_THRESHOLDS.join(' / ');
  return {
    id: 'method',
    title: bi('评分方法', 'How the scores are made'),
    html: paragraph(
      bi(
        `问卷 ${instrument.id}@${instrument.version}。每题记 0–100 分，按框架结构逐级取加权平均：子范畴 → 主范畴 → 效应，要素升级与管理模式 → 准备，准备与效应 → 路径，三条路径 → 总分；“质”“新”取自效应所推动的特征。未作答的题使其上级“未答完”，不作填补；“不适用”的题与剪裁掉的路径把权重让给同级。等级门槛 ${th}（工信部中小企业数字化水平评测的分档）；逐级等级要求每条路径都达到该级门槛（GB/T 39116 的累进方式）。`,
        `Questionnaire ${instrument.id}@${instrument.version}. Each item scores 0–100; scores roll up the framework as weighted means: sub-category → main category → effect; factor upgrades and management mode → preparation; preparation and effect → path; the three paths → overall; "quality" and "new" from the features the effects drive. An unanswered item leaves its branch incomplete (nothing is filled); items answered "not applicable" and tailored-out paths pass their weight to their siblings. Level thresholds ${th} (the bands of the MIIT SME digital-level test); the gated level requires every path to reach a level's threshold (cumulative, as GB/T 39116).`,
      ),
      lang,
    ),
  };
}

/** Title, subtitle and sections shared by the HTML and Word documents. */
export function assessmentParts(input: AssessmentDocumentInput): {
  title: Bilingual;
  subtitle: Bilingual;
  sections: ReportSection[];
} {
  const firm = input.firm?.name;
  const title = firm
    ? bi(`${firm}：新质生产力自评报告`, `${firm}: NQPF self-assessment report`)
    : bi('新质生产力自评报告', 'NQPF self-assessment report');
  const s = input.scores;
  const subtitle = bi(
    `问卷 ${s.instrument.id}@${s.instrument.version} · 已答 ${s.answered}/${s.total} 题`,
    `Questionnaire ${s.instrument.id}@${s.instrument.version} · ${s.answered}/${s.total} answered`,
  );
  const sections = [
    summarySection(input),
    radarSection(input),
    gapsSection(input),
    bottleneckSection(input),
    adviceSection(input),
    detailSection(input),
    changesSection(input),
    peersSection(input),
    methodSection(input),
  ].filter((x): x is ReportSection => x !== null);
  return { title, subtitle, sections };
}

/** The report as a standalone HTML page (print to PDF from the browser). */
export function assessmentHtml(input: AssessmentDocumentInput): string {
  return reportDocument({ lang: input.lang, ...assessmentParts(input) });
}

/** The report as a Word document (same sections as the HTML; the radar as an image). */
export function assessmentDocx(input: AssessmentDocumentInput, rasterize: Rasterize): Promise<Uint8Array> {
  const parts = assessmentParts(input);
  return reportDocx(parts.sections, { lang: input.lang, title: parts.title, subtitle: parts.subtitle, rasterize });
}

/** Sheet names of the assessment workbook (≤ 31 characters). */
export const ASSESS_SHEETS = {
  scores: '得分 Scores',
  gaps: '差距 Gaps',
  advice: '建议 Advice',
  changes: '变化 Changes',
  peers: '同行 Peers',
} as const;

/**
 * The report as an XLSX workbook: every scored node (items included) at full
 * precision, the gaps, the advice with sources, T0 → T1 and peers.
 */
export async function assessmentWorkbook(input: AssessmentDocumentInput): Promise<Uint8Array> {
  const { scores, report, structure, instrument, lang } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'xinzhi';
  const name = (id: string) => assessNodeName(id, structure, instrument);
  const cols = (extra: ColumnDef[]): ColumnDef[] => [
    { header: bi('节点', 'Node'), width: 30 },
    { header: bi('名称（中文）', 'Name (Chinese)'), width: 30 },
    { header: bi('名称（英文）', 'Name (English)'), width: 36 },
    ...extra,
  ];
  addSheet(
    wb,
    ASSESS_SHEETS.scores,
    cols([
      { header: bi('类别', 'Kind'), width: 18 },
      { header: bi('得分', 'Score'), numFmt: '0.0' },
      { header: bi('状态', 'Status'), width: 14 },
    ]),
    Object.values(scores.nodes).map((n) => [
      n.id,
      name(n.id).zh,
      name(n.id).en,
      n.kind,
      n.score,
      STATUS[n.status][lang],
    ]),
  );
  addSheet(
    wb,
    ASSESS_SHEETS.gaps,
    cols([
      { header: bi('路径', 'Path'), width: 28 },
      { header: bi('现状', 'Current'), numFmt: '0.0' },
      { header: bi('目标', 'Target'), numFmt: '0' },
      { header: bi('差距', 'Gap'), numFmt: '0.0' },
      { header: bi('重要性', 'Importance'), numFmt: '0' },
      { header: bi('优先级', 'Priority'), numFmt: '0.0' },
    ]),
    report.gaps.map((g) => [
      g.node,
      g.name.zh,
      g.name.en,
      structure.node(g.path).name[lang],
      g.current,
      g.target,
      g.gap,
      g.importance,
      g.priority,
    ]),
  );
  addSheet(
    wb,
    ASSESS_SHEETS.advice,
    cols([
      { header: bi('得分', 'Score'), numFmt: '0.0' },
      { header: bi('建议', 'Advice'), width: 30 },
      { header: bi('说明', 'Explanation'), width: 60 },
      { header: bi('下一步', 'Next steps'), width: 60 },
      { header: bi('出处', 'Sources'), width: 40 },
    ]),
    report.recommendations.map((r) => [
      r.node,
      r.name.zh,
      r.name.en,
      r.score,
      r.adviceName[lang],
      r.adviceText[lang],
      r.nextSteps.map((n) => `${n.level}: ${n.text[lang]}`).join('\n'),
      r.cite.map((c) => `${c.seed} § ${c.section}`).join('; '),
    ]),
  );
  if (input.changes)
    addSheet(
      wb,
      ASSESS_SHEETS.changes,
      cols([
        { header: bi('T0', 'T0'), numFmt: '0.0' },
        { header: bi('T1', 'T1'), numFmt: '0.0' },
        { header: bi('变化', 'Change'), numFmt: '0.0' },
      ]),
      input.changes.map((c) => [c.node, name(c.node).zh, name(c.node).en, c.before, c.after, c.change]),
    );
  if (input.peers)
    addSheet(
      wb,
      ASSESS_SHEETS.peers,
      [
        { header: bi('同行组', 'Peer group'), width: 20 },
        { header: bi('组值', 'Group value'), width: 20 },
        { header: bi('企业数', 'Firms'), numFmt: '0' },
        { header: bi('均值', 'Mean'), numFmt: '0.0' },
        { header: bi('下四分位', 'P25'), numFmt: '0.0' },
        { header: bi('中位数', 'Median'), numFmt: '0.0' },
        { header: bi('上四分位', 'P75'), numFmt: '0.0' },
        { header: bi('百分位', 'Percentile'), numFmt: '0.0' },
        { header: bi('说明', 'Note'), width: 30 },
      ],
      (['industry', 'size', 'region'] as const)
        .filter((g) => input.peers?.[g])
        .map((g) => {
          const p = input.peers?.[g] as PeerComparison;
          const head = [both(GROUP_NAMES[g]), input.firm?.[g] ?? null, p.n];
          return p.shown
            ? [...head, p.mean, p.p25, p.median, p.p75, p.percentileRank, null]
            : [
                ...head,
                null,
                null,
                null,
                null,
                null,
                lang === 'zh' ? `不足 ${p.minimum} 家，不显示` : `fewer than ${p.minimum} firms; not shown`,
              ];
        }),
    );
  return xlsxBytes(wb);
}
