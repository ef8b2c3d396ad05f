/**
 * The layers of the code, kept by a test: the core is pure (no adapters, no
 * Node built-ins, no process), the core's areas depend on each other in one
 * direction only, and no two core modules import each other in a cycle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const CORE = join(SRC, 'core');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** Import specifiers of a file (static and dynamic imports, re-exports). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

const coreFiles = walk(CORE);
const rel = (f: string) => relative(SRC, f).replaceAll('\\', '/');
/** Area of a core module: its first folder under core/ ('root' for core/*.ts). */
const area = (f: string) => {
  const parts = relative(CORE, f).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : 'root';
};
const localImports = (f: string) =>
  specifiers(f)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(f), s));

describe('layers: the core is pure', () => {
  it('never imports an adapter (outside src/core it may import only JSON data)', () => {
    const bad = coreFiles.flatMap((f) =>
      localImports(f)
        .filter((p) => !p.startsWith(CORE) && !p.endsWith('.json'))
        .map((p) => `${rel(f)} → ${relative(SRC, p)}`),
    );
    expect(bad).toEqual([]);
  });

  it('never imports Node built-ins or reads process', () => {
    const bad: string[] = [];
    for (const f of coreFiles) {
      for (const s of specifiers(f))
        if (s.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(s))
          bad.push(`${rel(f)} imports ${s}`);
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (/\bprocess\.(env|argv|exit|cwd|stdout|stderr)\b/.test(code)) bad.push(`${rel(f)} uses process`);
    }
    expect(bad).toEqual([]);
  });
});

describe('layers: the core areas depend in one direction', () => {
  const edges = new Map<string, Set<string>>();
  for (const f of coreFiles) {
    for (const p of localImports(f)) {
      if (!p.startsWith(CORE)) continue;
      const [a, b] = [area(f), area(p)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
  }

  it('panel does not import measure or analysis (the panel sits below both)', () => {
    expect([...(edges.get('panel') ?? [])].filter((b) => b === 'measure' || b === 'analysis')).toEqual([]);
  });

  it('stats, geo and the root modules import no other area but each other', () => {
    for (const low of ['stats', 'root']) {
      const up = [...(edges.get(low) ?? [])].filter((b) => !['stats', 'root'].includes(b));
      expect(up, low).toEqual([]);
    }
    const geoUp = [...(edges.get('geo') ?? [])].filter((b) => !['stats', 'root'].includes(b));
    expect(geoUp, 'geo').toEqual([]);
  });

  it('has no cycle between areas', () => {
    const cycles: string[] = [];
    for (const [a, bs] of edges) for (const b of bs) if (edges.get(b)?.has(a) && a < b) cycles.push(`${a} ↔ ${b}`);
    expect(cycles).toEqual([]);
  });
});

describe('layers: no import cycles between core modules', () => {
  it('finds none (depth-first search over static imports)', () => {
    const graph = new Map(coreFiles.map((f) => [f, localImports(f).filter((p) => p.startsWith(CORE))]));
    const state = new Map<string, 1 | 2>();
    const cycles: string[] = [];
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 1);
      stack.push(f);
      for (const p of graph.get(f) ?? []) {
        if (state.get(p) === 1) cycles.push([...stack.slice(stack.indexOf(p)), p].map(rel).join(' → '));
        else if (!state.has(p)) visit(p);
      }
      stack.pop();
      state.set(f, 2);
    };
    for (const f of coreFiles) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
