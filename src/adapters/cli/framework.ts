/**
 * `xinzhi framework`: explore the framework model of the five seed papers.
 *
 *   xinzhi framework [--lang zh|en] [--root ID] [--depth N]      tree
 *   xinzhi framework --json [--root ID]                         the model (or a sub-graph) as JSON
 *   xinzhi framework --format mermaid|dot|markdown [--root ID] [--neighbors]  graph export
 *   xinzhi framework show ID [--json]                           one node, its relations and sources
 *   xinzhi framework search TEXT... [--limit N] [--json]        find nodes in Chinese or English
 *   xinzhi framework path FROM TO [--directed] [--json]         shortest chain of relations
 *   xinzhi framework remedies PROBLEM [--json]                  what the seeds recommend against a problem
 *   xinzhi framework diagnose ID [--shallow] [--json]           the problems that hold a node back and their remedies
 *   xinzhi framework validate [--json]                          check the model (schema, ids, references)
 */
import type { Command } from 'commander';
import { XinzhiError } from '../../core/errors.ts';
import type { Lang } from '../../core/i18n.ts';
import {
  KIND_LABELS,
  RELATION_INVERSE_LABELS,
  RELATION_LABELS,
  children,
  diagnose,
  loadFramework,
  relationsOf,
  remediesOf,
  renderMarkdown,
  renderNode,
  renderTree,
  requireNode,
  search,
  shortestPath,
  subgraph,
  toDot,
  toMermaid,
  validateFramework,
  formatCitation,
  type FrameworkModel,
  type Remedy,
} from '../../core/framework/index.ts';
import { pickLang, printJson } from './util.ts';
import { COMMAND_SUMMARIES } from './summaries.ts';

const FORMATS = ['tree', 'mermaid', 'dot', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

function badOption(option: string, value: string, allowed: string): XinzhiError {
  return new XinzhiError({
    code: 'bad-option',
    severity: 'error',
    message: { zh: `选项 ${option} 的值 "${value}" 无效`, en: `invalid value "${value}" for ${option}` },
    fix: { zh: `可用的值：${allowed}`, en: `allowed values: ${allowed}` },
  });
}

function parseCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badOption(option, value, 'a whole number ≥ 0 / 非负整数');
  return n;
}

/** Write to stdout (main.ts ends the program quietly on a closed pipe, e.g. `| head`). */
function out(text: string): void {
  process.stdout.write(text);
}

/**
 * Remedies as an indented tree: each direct (`mitigated-by`) remedy at
 * `depth`, then what it recommends or contains below it, one line each.
 */
function remedyTree(remedies: Remedy[], depth: number, line: (r: Remedy) => string): string[] {
  const lines: string[] = [];
  const print = (r: Remedy, d: number) => {
    lines.push(`${'  '.repeat(d)}${line(r)}`);
    for (const c of remedies) if (c.via !== 'mitigated-by' && c.from === r.node.id) print(c, d + 1);
  };
  for (const r of remedies) if (r.via === 'mitigated-by') print(r, depth);
  return lines;
}

interface TreeCliOptions {
  lang?: string;
  json?: boolean;
  format?: string;
  root?: string;
  depth?: string;
  ids?: boolean;
  neighbors?: boolean;
}

/**
 * Register `framework` and its subcommands on the program. The options
 * `--lang` and `--json` are accepted before or after a subcommand (commander
 * gives them to the parent; subcommands read them with optsWithGlobals).
 */
export function registerFramework(program: Command): void {
  const fw = program
    .command('framework')
    .description(COMMAND_SUMMARIES.framework)
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--json', 'print the whole model (or the --root sub-graph) as one JSON document / 以 JSON 输出模型')
    .option('--format <format>', `output format: ${FORMATS.join(', ')} / 输出格式`, 'tree')
    .option('--root <id>', 'start at this node: the part reachable by "contains" / 只输出该节点所包含的部分')
    .option(
      '--neighbors',
      'with --root and mermaid/dot: also draw the nodes one relation away / 同时绘出与子图直接相连的节点',
    )
    .option('--depth <n>', 'deepest tree level to print / 树的最大深度')
    .option('--no-ids', 'leave node ids out of the tree / 树中不显示 id')
    .action((opts: TreeCliOptions) => {
      const model = loadFramework();
      const format = (opts.format ?? 'tree') as Format;
      if (!FORMATS.includes(format)) throw badOption('--format', String(opts.format), FORMATS.join(', '));
      const depth = parseCount('--depth', opts.depth);
      if (opts.json) {
        printJson(opts.root ? subgraph(model, opts.root) : model);
        return;
      }
      const lang = pickLang(opts.lang);
      if (opts.root) requireNode(model, opts.root);
      switch (format) {
        case 'tree':
          out(renderTree(model, { lang, root: opts.root, maxDepth: depth, ids: opts.ids }));
          break;
        case 'mermaid':
          out(toMermaid(model, { lang, root: opts.root, neighbors: opts.neighbors }));
          break;
        case 'dot':
          out(toDot(model, { lang, root: opts.root, neighbors: opts.neighbors }));
          break;
        case 'markdown':
          out(renderMarkdown(opts.root ? subgraph(model, opts.root) : model));
          break;
      }
    });

  fw.command('show <id>')
    .description('one node with its relations and sources / 显示一个节点及其关系与来源')
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--json', 'print the node, its children and relations as JSON / 以 JSON 输出节点、下级与关系')
    .action((id: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; json?: boolean }>();
      const model = loadFramework();
      const node = requireNode(model, id);
      if (opts.json) {
        printJson({
          node,
          children: children(model, id).map((c) => c.id),
          relations: relationsOf(model, id).map((v) => ({ ...v.relation, direction: v.direction })),
        });
        return;
      }
      out(renderNode(model, node.id, pickLang(opts.lang)));
    });

  fw.command('search <text...>')
    .description('find nodes by id, name or description in Chinese or English / 按 id、名称或说明（中英文）查找节点')
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--limit <n>', 'at most this many hits / 最多显示的结果数')
    .option('--json', 'print the hits as JSON / 以 JSON 输出结果')
    .action((words: string[], _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; limit?: string; json?: boolean }>();
      const model = loadFramework();
      const text = words.join(' ');
      const hits = search(model, text, { limit: parseCount('--limit', opts.limit) });
      if (opts.json) {
        printJson({
          query: text,
          hits: hits.map((h) => ({
            id: h.node.id,
            kind: h.node.kind,
            name: h.node.name,
            score: h.score,
            fields: h.fields,
          })),
        });
        return;
      }
      const lang = pickLang(opts.lang);
      if (!hits.length) {
        out(lang === 'zh' ? `没有找到与 "${text}" 匹配的节点\n` : `no node matches "${text}"\n`);
        return;
      }
      for (const h of hits) out(`${h.node.id}  ${h.node.name[lang]}  [${KIND_LABELS[h.node.kind][lang]}]\n`);
    });

  fw.command('path <from> <to>')
    .description('shortest chain of relations between two nodes / 两个节点之间最短的关系链')
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--directed', 'follow relations only in their direction / 只按关系方向')
    .option('--json', 'print the steps as JSON / 以 JSON 输出关系链')
    .action((from: string, to: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; directed?: boolean; json?: boolean }>();
      const model = loadFramework();
      const steps = shortestPath(model, from, to, { directed: opts.directed });
      if (opts.json) {
        printJson({ from, to, found: steps !== null, steps: steps ?? [] });
        return;
      }
      const lang = pickLang(opts.lang);
      if (steps === null) {
        out(lang === 'zh' ? `${from} 与 ${to} 之间没有路径\n` : `no path between ${from} and ${to}\n`);
        return;
      }
      out(`${requireNode(model, from).name[lang]}  ${from}\n`);
      for (const s of steps) {
        const lab = (s.forward ? RELATION_LABELS : RELATION_INVERSE_LABELS)[s.relation.type][lang];
        out(`  —${lab}→ ${requireNode(model, s.to).name[lang]}  ${s.to}\n`);
      }
    });

  fw.command('remedies <problem>')
    .description('what the seeds recommend against a problem and its sub-problems / 文献针对某一问题（含子问题）的对策')
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--json', 'print the remedies as JSON / 以 JSON 输出对策')
    .action((problem: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; json?: boolean }>();
      const model = loadFramework();
      const remedies = remediesOf(model, problem);
      if (opts.json) {
        printJson({
          problem,
          remedies: remedies.map((r) => ({
            id: r.node.id,
            kind: r.node.kind,
            name: r.node.name,
            problem: r.problem,
            via: r.via,
            from: r.from,
            cite: r.node.cite,
          })),
        });
        return;
      }
      const lang = pickLang(opts.lang);
      if (!remedies.length) {
        out(lang === 'zh' ? `模型中没有针对 ${problem} 的对策\n` : `the model records no remedy for ${problem}\n`);
        return;
      }
      const lines = remedyTree(remedies, 0, (r) => {
        const via = r.via === 'mitigated-by' ? '' : `${RELATION_LABELS[r.via][lang]}: `;
        return `${via}${r.node.name[lang]}  [${KIND_LABELS[r.node.kind][lang]}]  ${r.node.id}  (${r.node.cite.map(formatCitation).join('; ')})`;
      });
      out(lines.join('\n') + '\n');
    });

  fw.command('diagnose <id>')
    .description(
      'the problems that hold a node back (hinders) and the remedies the seeds give / 阻碍某一节点的问题及文献给出的对策',
    )
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option(
      '--shallow',
      'only problems linked to the node itself, not to its related nodes or ancestors / 只列直接阻碍该节点的问题',
    )
    .option('--json', 'print the diagnosis as JSON / 以 JSON 输出诊断')
    .action((id: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; json?: boolean; shallow?: boolean }>();
      const model = loadFramework();
      const d = diagnose(model, id, { deep: !opts.shallow });
      if (opts.json) {
        printJson({
          node: { id: d.node.id, kind: d.node.kind, name: d.node.name },
          problems: d.problems.map((p) => ({
            id: p.problem.id,
            name: p.problem.name,
            target: p.target,
            scope: p.scope,
            note: p.note ?? null,
            cite: p.cite,
            remedies: p.remedies.map((r) => ({
              id: r.node.id,
              kind: r.node.kind,
              name: r.node.name,
              problem: r.problem,
              via: r.via,
              from: r.from,
            })),
          })),
        });
        return;
      }
      const lang = pickLang(opts.lang);
      const scopeLabel: Record<string, { zh: string; en: string }> = {
        self: { zh: '直接阻碍', en: 'hinders it directly' },
        'same-as': { zh: '经同一概念', en: 'through the same concept' },
        'related-to': { zh: '经相关节点', en: 'through a related node' },
        ancestor: { zh: '经上级节点', en: 'through a containing node' },
      };
      const lines = [`${d.node.name[lang]}  [${KIND_LABELS[d.node.kind][lang]}]  ${d.node.id}`];
      if (!d.problems.length) {
        lines.push(
          lang === 'zh' ? '  模型中没有阻碍该节点的问题' : '  the model records no problem that hinders this node',
        );
      }
      for (const p of d.problems) {
        const via =
          p.scope === 'self'
            ? scopeLabel.self[lang]
            : `${scopeLabel[p.scope][lang]} ${requireNode(model, p.target).name[lang]} (${p.target})`;
        lines.push('', `● ${p.problem.name[lang]}  ${p.problem.id}  — ${via}`);
        if (p.note) lines.push(`  ${p.note[lang]}`);
        if (p.cite.length)
          lines.push(`  ${lang === 'zh' ? '来源' : 'source'}: ${p.cite.map(formatCitation).join('; ')}`);
        if (!p.remedies.length) lines.push(`  ${lang === 'zh' ? '（模型中没有对策）' : '(no remedy recorded)'}`);
        lines.push(
          ...remedyTree(
            p.remedies,
            2,
            (r) =>
              `${RELATION_LABELS[r.via][lang]}: ${r.node.name[lang]}  [${KIND_LABELS[r.node.kind][lang]}]  ${r.node.id}`,
          ),
        );
      }
      out(lines.join('\n') + '\n');
    });

  fw.command('validate')
    .description('check the model: schema, unique ids, relations to existing nodes, no contains cycles / 校验模型')
    .option('--lang <lang>', 'language of the output: zh or en / 输出语言')
    .option('--json', 'print the problems as JSON / 以 JSON 输出问题')
    .action((_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ lang?: string; json?: boolean }>();
      const model: FrameworkModel = loadFramework();
      const problems = validateFramework(model);
      if (opts.json) {
        printJson({
          valid: !problems.some((p) => p.severity === 'error'),
          nodes: model.nodes.length,
          relations: model.relations.length,
          problems,
        });
      } else {
        const lang: Lang = pickLang(opts.lang);
        const severity = (s: string) =>
          lang === 'zh' ? (({ error: '错误', warning: '警告', info: '提示' } as Record<string, string>)[s] ?? s) : s;
        for (const p of problems)
          out(`${severity(p.severity)}: ${p.message[lang]}${p.fix ? ` — ${p.fix[lang]}` : ''}\n`);
        out(
          lang === 'zh'
            ? `节点 ${model.nodes.length}，关系 ${model.relations.length}，问题 ${problems.length}\n`
            : `${model.nodes.length} nodes, ${model.relations.length} relations, ${problems.length} problems\n`,
        );
      }
      if (problems.some((p) => p.severity === 'error')) process.exitCode = 2;
    });
}
