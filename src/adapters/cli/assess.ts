/**
 * `xinzhi assess [--answers FILE] [--before FILE] [--questionnaire] [--html F] [--docx F] [--xlsx F] [--json] [--lang zh|en]`:
 * the firm self-assessment on seed 000's three paths and seed 003's enterprise
 * AI paths (docs/assessment.md). Without --answers it scores the embedded
 * example firm (data/assess/firm-example.json).
 *
 * --json prints {"instrument", "scores" (every node: {id, kind, score, status,
 * children}, band, gatedLevel, limitingPath, answered, applicable, total),
 * "report" {targetDefault, gaps, priorities, bottleneck, recommendations},
 * "changes" (with --before: T0 → T1 per node)}. --questionnaire prints the
 * instrument itself. --html / --docx / --xlsx also write the report as a
 * document (report/assess-report.ts). Peer comparison needs stored assessments and is not part
 * of this command.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { BUILTIN_INSTRUMENT } from '../../core/assess/instrument.ts';
import { checkAssessmentInput } from '../../core/assess/input.ts';
import { assessmentReport, compareAssessments } from '../../core/assess/report.ts';
import { AGG, scoreAssessment, type AssessmentScores } from '../../core/assess/score.ts';
import {
  assessmentDocx,
  assessmentHtml,
  assessmentWorkbook,
  assessNodeName,
  levelSentence,
  shownChanges,
} from '../report/assess-report.ts';
import { rasterizeSvg } from '../io/rasterize.ts';
import { assessmentStructure, type AssessmentStructure } from '../../core/assess/structure.ts';
import { XinzhiError } from '../../core/errors.ts';
import { loadFramework } from '../../core/framework/model.ts';
import { bi, both, type Lang } from '../../core/i18n.ts';
import { loadSpecFile } from '../io/load-spec.ts';
import { textTable } from './analyze/input.ts';
import { pickLang, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

const EXAMPLE = new URL('../../../data/assess/firm-example.json', import.meta.url);

async function loadAnswers(path: string | undefined) {
  if (path) return checkAssessmentInput(await loadSpecFile(path, '--answers'), path);
  return checkAssessmentInput(JSON.parse(await readFile(EXAMPLE, 'utf8')), 'data/assess/firm-example.json');
}

/** Scores and report as text: summary, paths, gaps by priority, bottleneck, advice. */
function assessText(
  s: AssessmentScores,
  structure: AssessmentStructure,
  report: ReturnType<typeof assessmentReport>,
  lang: Lang,
): string[] {
  const h = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const name = (id: string) => assessNodeName(id, structure)[lang];
  const fmt = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  const out: string[] = [];
  out.push(both(bi('得分（0–100）', 'Scores (0–100)')));
  out.push(
    textTable(
      [h('项目', 'part'), h('得分', 'score'), h('状态', 'status')],
      [AGG.overall, ...structure.paths.map((p) => p.id), AGG.quality, AGG.novelty, AGG.ai, AGG.resources].map((id) => [
        name(id),
        fmt(s.nodes[id].score),
        s.nodes[id].status === 'scored' ? '' : s.nodes[id].status,
      ]),
      1,
    ),
  );
  out.push('');
  out.push(levelSentence(s)[lang]);
  out.push('', both(bi('差距与优先级（重要性 × 差距）', 'Gaps and priorities (importance × gap)')));
  out.push(
    textTable(
      [
        h('主范畴', 'main category'),
        h('现状', 'current'),
        h('目标', 'target'),
        h('差距', 'gap'),
        h('重要性', 'importance'),
        h('优先级', 'priority'),
      ],
      report.priorities.map((g) => [g.name[lang], fmt(g.current), g.target, fmt(g.gap), g.importance, fmt(g.priority)]),
      1,
    ),
  );
  if (report.bottleneck) out.push('', both(bi('瓶颈路径', 'Bottleneck path')), report.bottleneck.explanation[lang]);
  if (report.recommendations.length > 0) {
    out.push('', both(bi('建议（出自框架，附出处）', 'Advice (from the framework, with sources)')));
    for (const r of report.recommendations) {
      out.push(`- ${r.name[lang]} (${fmt(r.score)}): ${r.adviceName[lang]} — ${r.adviceText[lang]}`);
      for (const n of r.nextSteps)
        out.push(`  ${h(`下一步（${n.level} 级）`, `next step (level ${n.level})`)}: ${n.text[lang]}`);
      out.push(`  ${h('出处', 'source')}: ${r.cite.map((c) => `${c.seed} § ${c.section}`).join('; ')}`);
    }
  }
  return out;
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description(COMMAND_SUMMARIES.assess)
    .option('--answers <file>', 'answers (JSON or YAML; default: the embedded example firm) / 答案文件')
    .option('--before <file>', 'an earlier assessment of the same firm, to show what moved (T0 → T1) / 上一次评估')
    .option('--questionnaire', 'print the questionnaire instead of scoring / 输出问卷')
    .option('--html <file>', 'also write the report as a standalone HTML page (prints to PDF) / 另存 HTML 报告')
    .option('--docx <file>', 'also write the report as a Word document / 另存 Word 报告')
    .option('--xlsx <file>', 'also write the scores, gaps and advice as an XLSX workbook / 另存 XLSX')
    .option('--json', 'print one JSON document / 输出 JSON')
    .option('--lang <lang>', 'zh or en / 语言')
    .action(
      async (opts: {
        answers?: string;
        before?: string;
        questionnaire?: boolean;
        html?: string;
        docx?: string;
        xlsx?: string;
        json?: boolean;
        lang?: string;
      }) => {
        const lang = pickLang(opts.lang);
        const instrument = BUILTIN_INSTRUMENT;
        if (opts.questionnaire) {
          if (opts.json) return printJson(instrument);
          const lines = [`${instrument.title[lang]} (${instrument.id}@${instrument.version})`, ''];
          for (const item of instrument.items) {
            lines.push(`[${item.id}] ${item.prompt[lang]}`, `  ${item.help[lang]}`);
            if (item.type === 'level')
              for (const k of [1, 3, 5] as const) lines.push(`  ${k}: ${item.anchors[k][lang]}`);
            if (item.type === 'multi') for (const o of item.options) lines.push(`  [${o.id}] ${o.label[lang]}`);
            if (item.type === 'number') lines.push(`  (${item.unit[lang]}, ${item.min}–${item.max})`);
          }
          process.stdout.write(lines.join('\n') + '\n');
          return;
        }
        const structure = assessmentStructure(loadFramework());
        const input = await loadAnswers(opts.answers);
        const score = (file: string, i: typeof input) => {
          try {
            return scoreAssessment(instrument, i.answers, structure, { excludedPaths: i.excludedPaths });
          } catch (err) {
            if (err instanceof XinzhiError) throw new XinzhiError(err.problems.map((p) => ({ ...p, file })));
            throw err;
          }
        };
        const scores = score(opts.answers ?? 'data/assess/firm-example.json', input);
        const report = assessmentReport(scores, instrument, structure, input);
        const changes = opts.before
          ? compareAssessments(
              score(opts.before, checkAssessmentInput(await loadSpecFile(opts.before, '--before'), opts.before)),
              scores,
            )
          : undefined;
        const doc = { scores, report, structure, instrument, lang, ...(changes ? { changes } : {}) };
        if (opts.html) await writeFile(opts.html, assessmentHtml(doc));
        if (opts.docx) await writeFile(opts.docx, await assessmentDocx(doc, rasterizeSvg));
        if (opts.xlsx) await writeFile(opts.xlsx, await assessmentWorkbook(doc));
        if (opts.json) return printJson({ instrument: scores.instrument, scores, report, changes });
        const out = [`${instrument.title[lang]} (${instrument.id}@${instrument.version})`, ''];
        out.push(...assessText(scores, structure, report, lang));
        if (changes) {
          out.push('', both(bi('变化（T0 → T1）', 'Change (T0 → T1)')));
          out.push(
            textTable(
              [lang === 'zh' ? '节点' : 'node', 'T0', 'T1', lang === 'zh' ? '变化' : 'change'],
              shownChanges({ changes, scores }).map((c) => [
                assessNodeName(c.node, structure)[lang],
                c.before,
                c.after,
                c.change,
              ]),
              1,
            ),
          );
        }
        process.stdout.write(out.join('\n') + '\n');
      },
    );
}
