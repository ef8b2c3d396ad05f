/**
 * Schema and consistency checks of the framework model. `FrameworkModelSchema`
 * checks the shape (zod); `validateFramework` adds the graph rules: unique ids,
 * relations between existing nodes, no `contains` cycles, non-empty bilingual
 * names and descriptions, citations of the known seed files.
 */
import { z } from 'zod';
import type { Problem } from '../errors.ts';
import { NODE_KINDS, RELATION_TYPES, type FrameworkModel } from './types.ts';
import { SEED_FILES } from './common.ts';

/** Node and relation ids: lowercase ascii words joined by "." or "-". */
export const ID_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

const nonEmpty = z.string().trim().min(1);
export const BilingualSchema = z.object({ zh: nonEmpty, en: nonEmpty }).strict();
export const CitationSchema = z.object({ seed: nonEmpty, section: nonEmpty }).strict();

export const FrameworkNodeSchema = z
  .object({
    id: z.string().regex(ID_PATTERN),
    kind: z.enum(NODE_KINDS),
    name: BilingualSchema,
    description: BilingualSchema,
    cite: z.array(CitationSchema),
    facts: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
    order: z.number().int().min(0).optional(),
    tags: z.array(nonEmpty).optional(),
  })
  .strict()
  .refine((n) => n.kind === 'indicator' || n.cite.length > 0, {
    message: 'every node except an indicator cites at least one seed section',
    path: ['cite'],
  });

export const FrameworkRelationSchema = z
  .object({
    from: nonEmpty,
    to: nonEmpty,
    type: z.enum(RELATION_TYPES),
    note: BilingualSchema.optional(),
    cite: z.array(CitationSchema).optional(),
  })
  .strict();

export const FrameworkModelSchema = z
  .object({
    version: nonEmpty,
    nodes: z.array(FrameworkNodeSchema),
    relations: z.array(FrameworkRelationSchema),
  })
  .strict();

function problem(
  code: string,
  zh: string,
  en: string,
  fixZh: string,
  fixEn: string,
  severity: 'error' | 'warning' = 'error',
): Problem {
  return { code, severity, message: { zh, en }, fix: { zh: fixZh, en: fixEn } };
}

/**
 * All problems of a model (empty when it is valid). Errors: schema violations,
 * duplicate ids, relations to unknown nodes, self-relations, citations of
 * unknown seed files, cycles of `contains`. Warnings: duplicate relations.
 */
export function validateFramework(model: unknown): Problem[] {
  const out: Problem[] = [];
  const parsed = FrameworkModelSchema.safeParse(model);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.');
      out.push(
        problem(
          'framework-schema',
          `模型结构不符：${where}：${issue.message}`,
          `model does not match the schema at ${where}: ${issue.message}`,
          '按 src/core/framework/types.ts 的定义修正该字段',
          'fix the field as defined in src/core/framework/types.ts',
        ),
      );
    }
  }
  const m = model as Partial<FrameworkModel> | null;
  const nodes = Array.isArray(m?.nodes) ? m!.nodes : [];
  const relations = Array.isArray(m?.relations) ? m!.relations : [];

  const ids = new Set<string>();
  const seeds = new Set<string>(Object.values(SEED_FILES));
  for (const n of nodes) {
    if (!n || typeof n.id !== 'string') continue;
    if (ids.has(n.id)) {
      out.push(
        problem(
          'duplicate-id',
          `节点 id 重复：${n.id}`,
          `duplicate node id: ${n.id}`,
          '每个 id 只定义一次；多篇文献共有的概念放在 common.ts 并从各文献链接',
          'define each id once; concepts shared by several papers live in common.ts and are linked from the seeds',
        ),
      );
    }
    ids.add(n.id);
    // Indicators come from indicator systems and may cite sources other than the seeds.
    for (const c of n.kind !== 'indicator' && Array.isArray(n.cite) ? n.cite : []) {
      if (c && !seeds.has(c.seed)) {
        out.push(
          problem(
            'unknown-seed',
            `节点 ${n.id} 引用了未知文献 ${c.seed}`,
            `node ${n.id} cites unknown seed file ${c.seed}`,
            `使用其中之一：${[...seeds].join(', ')}`,
            `use one of: ${[...seeds].join(', ')}`,
          ),
        );
      }
    }
  }

  const seenRel = new Set<string>();
  for (const r of relations) {
    if (!r) continue;
    for (const end of ['from', 'to'] as const) {
      if (typeof r[end] === 'string' && !ids.has(r[end])) {
        out.push(
          problem(
            'dangling-relation',
            `关系 ${r.from} -[${r.type}]-> ${r.to} 指向不存在的节点 ${r[end]}`,
            `relation ${r.from} -[${r.type}]-> ${r.to} points to a missing node ${r[end]}`,
            '新增该节点或改正 id',
            'add the node or correct the id',
          ),
        );
      }
    }
    if (r.from === r.to) {
      out.push(
        problem(
          'self-relation',
          `关系指向自身：${r.from} -[${r.type}]`,
          `relation from a node to itself: ${r.from} -[${r.type}]`,
          '删除该关系',
          'remove the relation',
        ),
      );
    }
    const key = `${r.from}\u0000${r.type}\u0000${r.to}`;
    if (seenRel.has(key)) {
      out.push(
        problem(
          'duplicate-relation',
          `关系重复：${r.from} -[${r.type}]-> ${r.to}`,
          `duplicate relation: ${r.from} -[${r.type}]-> ${r.to}`,
          '删除重复的一条（如需多处引用，合并到 cite）',
          'remove the copy (merge citations into one relation)',
          'warning',
        ),
      );
    }
    seenRel.add(key);
  }

  for (const cycle of containsCycles(relations)) {
    out.push(
      problem(
        'contains-cycle',
        `contains 关系成环：${cycle.join(' → ')}`,
        `contains relations form a cycle: ${cycle.join(' → ')}`,
        '层级关系必须是无环的；把其中一条改为 related-to 或 reinforces',
        'the hierarchy must be acyclic; turn one of them into related-to or reinforces',
      ),
    );
  }
  return out;
}

/** Cycles of the `contains` graph, each as a list of ids that starts and ends with the same id (depth-first search). */
export function containsCycles(relations: ReadonlyArray<{ from: string; to: string; type: string }>): string[][] {
  const children = new Map<string, string[]>();
  for (const r of relations) {
    if (r.type !== 'contains') continue;
    if (!children.has(r.from)) children.set(r.from, []);
    children.get(r.from)!.push(r.to);
  }
  const state = new Map<string, 1 | 2>(); // 1 = on stack, 2 = done
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    state.set(id, 1);
    stack.push(id);
    for (const c of children.get(id) ?? []) {
      const s = state.get(c);
      if (s === 1) cycles.push([...stack.slice(stack.indexOf(c)), c]);
      else if (s === undefined) visit(c);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const id of children.keys()) if (!state.has(id)) visit(id);
  return cycles;
}
