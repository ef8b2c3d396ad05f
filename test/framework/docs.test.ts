import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadFramework, renderMarkdown, subgraph } from '../../src/core/framework/index.ts';

const model = loadFramework();
const DOC = fileURLToPath(new URL('../../docs/framework.md', import.meta.url));

describe('docs/framework.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('is current: regenerate with `npm run docs:framework` when the model changes', () => {
    expect(doc === renderMarkdown(model), 'docs/framework.md is out of date: run npm run docs:framework').toBe(true);
  });

  it('has one section per seed, in which every node of that seed is listed with its id and sources', () => {
    const seeds = model.nodes.filter((n) => n.kind === 'seed');
    const starts = seeds.map((s) => doc.indexOf(`\n## ${s.name.zh} / `));
    for (const [i, s] of seeds.entries()) expect(starts[i], s.id).toBeGreaterThan(0);
    for (const [i, s] of seeds.entries()) {
      const section = doc.slice(starts[i], starts[i + 1] ?? doc.length);
      const own = model.nodes.filter((n) => n.id.startsWith(`s${s.id.slice(5)}.`));
      for (const n of own) {
        const line = section.split('\n').findIndex((l) => l.includes(`· \`${n.id}\``) && !l.includes('see above'));
        expect(line, `${n.id} in the section of ${s.id}`).toBeGreaterThan(-1);
        const after = section
          .split('\n')
          .slice(line, line + 6)
          .join('\n');
        for (const c of n.cite) expect(after, n.id).toContain(`${c.seed} §「`);
      }
      expect(subgraph(model, s.id).nodes.length).toBeGreaterThan(1);
    }
  });

  it("keeps each node's description lines apart (Markdown hard breaks), the root included", () => {
    const lines = doc.split('\n');
    const root = lines.findIndex((l) => l.endsWith('· `system`  '));
    expect(root).toBeGreaterThan(-1);
    expect(lines[root + 1]).toMatch(/^ {2}\S.*\S {2}$/);
    expect(lines[root + 2]).toMatch(/^ {2}\S.*\S {2}$/);
    expect(lines[root + 3]).toMatch(/^ {2}来源 \/ source: .*[^ ]$/);
  });

  it('lists the shared concepts with their sources', () => {
    for (const id of [
      'nqpf',
      'factor.laborer',
      'factor.means',
      'factor.object',
      'factor.data',
      'concept.talent',
      'concept.digital-divide',
    ]) {
      expect(doc).toContain(`· \`${id}\``);
    }
  });
});
