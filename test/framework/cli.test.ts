/**
 * The `framework` command run as a user runs it: a child process per call.
 * The harness registers only this command (so these tests do not depend on
 * the other commands); one test runs the real entry point bin/xinzhi.js.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadFramework } from '../../src/core/framework/index.ts';
import { REPO_ROOT } from './helpers.ts';

const model = loadFramework();

function run(args: string[], entry = 'test/framework/cli-harness.ts') {
  const argv = entry.endsWith('.ts') ? ['bin/run-ts.js', entry, ...args] : [entry, ...args];
  const r = spawnSync(process.execPath, argv, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('xinzhi framework', () => {
  it('--json prints exactly the whole model as one JSON document', () => {
    const r = run(['framework', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(model)));
    expect(r.stderr).toBe('');
  });

  it('prints the tree in the chosen language', () => {
    const zh = run(['framework', '--lang', 'zh', '--root', 'seed.001', '--depth', '1']);
    expect(zh.code).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('数字新质生产力视野下产业创新升级的实践路径  [文献]  seed.001');
    expect(zh.stdout).toContain('├── ');
    const en = run(['framework', '--lang', 'en', '--root', 's000.path.innovation']);
    expect(en.stdout).toContain('└── Proposition 3  [proposition]  s000.proposition.3');
  });

  it('show prints a node with its relations and citation; --json gives the same as data', () => {
    const r = run(['framework', 'show', 's000.effect.technology-breakthrough', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Key-technology breakthrough effect / 关键技术突破效应');
    expect(r.stdout).toContain('000_bdc2d3c482bae5da.txt § (三)赋能路径:创新突破');
    expect(r.stdout).toContain('drives → New technologies  s000.outcome.new-technology');
    const j = JSON.parse(run(['framework', 'show', 's000.effect.technology-breakthrough', '--json']).stdout);
    expect(j.node.id).toBe('s000.effect.technology-breakthrough');
    expect(
      j.relations.some(
        (x: { type: string; to: string }) => x.type === 'drives' && x.to === 's000.outcome.new-technology',
      ),
    ).toBe(true);
  });

  it('an unknown id fails with a bilingual error on stderr that suggests close ids', () => {
    const r = run(['framework', 'show', 's000.path.inovation']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('框架中没有 id 为 "s000.path.inovation" 的节点');
    expect(r.stderr).toContain('the framework has no node with id "s000.path.inovation"');
    expect(r.stderr).toContain('s000.path.innovation');
  });

  it('search finds nodes in either language', () => {
    const zh = run(['framework', 'search', '稀缺资源', '--lang', 'zh']);
    expect(zh.stdout).toContain('s000.main.scarce-resource-capture  稀缺资源捕获  [主范畴]');
    const en = JSON.parse(run(['framework', 'search', 'scarce', 'resource', '--json']).stdout);
    expect(en.hits.map((h: { id: string }) => h.id)).toContain('s000.main.scarce-resource-capture');
  });

  it('exports Mermaid and DOT for a subgraph; rejects an unknown format', () => {
    const m = run(['framework', '--format', 'mermaid', '--root', 's000.loop', '--lang', 'en']);
    expect(m.stdout.startsWith('flowchart TD\n')).toBe(true);
    expect(m.stdout).toContain('Efficiency drive');
    const d = run(['framework', '--format', 'dot', '--root', 'seed.001']);
    expect(d.stdout.startsWith('digraph framework {')).toBe(true);
    expect(d.stdout).toContain('"s001.mech.effective-demand"');
    const bad = run(['framework', '--format', 'svg']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('mermaid');
  });

  it('path, remedies and validate', () => {
    const p = JSON.parse(run(['framework', 'path', 'digitalization', 'feature.new', '--directed', '--json']).stdout);
    expect(p.found).toBe(true);
    expect(p.steps.at(-1).to).toBe('feature.new');
    const r = JSON.parse(run(['framework', 'remedies', 's001.problem.funding', '--json']).stdout);
    expect(r.remedies.filter((x: { via: string }) => x.via === 'mitigated-by')).toHaveLength(4);
    const v = JSON.parse(run(['framework', 'validate', '--json']).stdout);
    expect(v).toMatchObject({ valid: true, nodes: model.nodes.length, problems: [] });
  });

  it('diagnose prints the problems that hinder a node with notes, sources and remedies; --json gives the same as data', () => {
    const t = run(['framework', 'diagnose', 'factor.laborer', '--lang', 'en']);
    expect(t.code).toBe(0);
    expect(t.stdout.split('\n')[0]).toBe('New-type labourers  [factor]  factor.laborer');
    expect(t.stdout).toContain('s002.problem.talent  — hinders it directly');
    expect(t.stdout).toContain('§ (三)高端创新人才不足影响新质生产力生成');
    expect(t.stdout).toContain('s002.path.talent.supply');
    const j = JSON.parse(run(['framework', 'diagnose', 'factor.laborer', '--json']).stdout);
    expect(j.node.id).toBe('factor.laborer');
    const talent = j.problems.find((p: { id: string }) => p.id === 's002.problem.talent');
    expect(talent).toMatchObject({ scope: 'self', target: 'factor.laborer' });
    expect(talent.note.zh).toBeTruthy();
    expect(talent.remedies.map((r: { id: string }) => r.id)).toContain('s002.path.talent');
    const shallow = JSON.parse(run(['framework', 'diagnose', 'form.green', '--shallow', '--json']).stdout);
    expect(shallow.problems).toEqual([]);
    const bad = run(['framework', 'diagnose', 'factor.labourer']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('factor.laborer');
  });

  // The real entry point, as `npx xinzhi framework --json`; needs the other commands main.ts imports.
  const mainImports = ['framework.ts', 'evaluate.ts', 'analyze.ts'].every((f) =>
    existsSync(`${REPO_ROOT}src/adapters/cli/${f}`),
  );
  it.skipIf(!mainImports)('bin/xinzhi.js framework --json prints the complete model', () => {
    const r = run(['framework', '--json'], 'bin/xinzhi.js');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).nodes).toHaveLength(model.nodes.length);
  });
});
