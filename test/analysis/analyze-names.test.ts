/**
 * `xinzhi analyze … --data results.json`: the bilingual names of the nodes,
 * indicators and index in the results.json label the readable tables (in the
 * language of --lang), and --json adds a "names" object and nothing else.
 *
 * "Nothing else" is checked against the same results.json with every name
 * removed: the two --json documents must be equal once "names" is dropped
 * (same keys in the same order, same numbers).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, xinzhi } from './gini-cli-helpers.ts';

interface Named {
  id: string;
  name?: { zh: string; en: string };
}

let dir = '';
let results = '';
let unnamed = '';
let doc: { record: { spec: { name: { zh: string; en: string }; nodes: Named[] } }; indicators: Named[] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-names-'));
  const ev = xinzhi(['evaluate', '--out', dir, '--lang', 'en']);
  expect(ev.status, ev.stderr).toBe(0);
  results = join(dir, 'results.json');
  doc = JSON.parse(readFileSync(results, 'utf8'));
  // The same result without any name.
  const bare = JSON.parse(readFileSync(results, 'utf8'));
  delete bare.record.spec.name;
  for (const n of bare.record.spec.nodes) delete n.name;
  for (const i of bare.indicators) delete i.name;
  unnamed = join(dir, 'unnamed-results.json');
  writeFileSync(unnamed, JSON.stringify(bare));
}, 60_000);

const nodeName = (id: string) => doc.record.spec.nodes.find((n) => n.id === id)!.name!;
const indicatorName = (id: string) => doc.indicators.find((n) => n.id === id)!.name!;

/** `xinzhi analyze …` in a child process (several run side by side). */
function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [`${ROOT}bin/xinzhi.js`, 'analyze', ...args],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`xinzhi analyze ${args.join(' ')} failed: ${stderr}`));
        else resolve(stdout);
      },
    );
  });
}

/** --json on the named and the unnamed result: the same document apart from "names". */
async function jsonPair(args: string[]): Promise<{ named: Record<string, unknown>; bare: Record<string, unknown> }> {
  const [namedText, bareText] = await Promise.all([
    run([...args, '--data', results, '--json']),
    run([...args, '--data', unnamed, '--json']),
  ]);
  const named = JSON.parse(namedText) as Record<string, unknown>;
  const bare = JSON.parse(bareText) as Record<string, unknown>;
  expect(Object.keys(named).at(-1)).toBe('names');
  const { names: _dropped, ...rest } = named;
  void _dropped;
  const { names: bareNames, ...bareRest } = bare;
  // without names in the file only the index keeps its generic name
  if (bareNames !== undefined) expect(Object.keys(bareNames as object)).toEqual(['index']);
  expect(JSON.stringify(rest)).toBe(JSON.stringify(bareRest));
  return { named, bare };
}

describe('analyze with the names of a results.json', () => {
  it('coupling: systems labelled in zh and en, with Chinese province names in zh', async () => {
    const [zh, en, { named }] = await Promise.all([
      run(['coupling', '--data', results, '--systems', 'laborer,means,object', '--lang', 'zh']),
      run(['coupling', '--data', results, '--systems', 'laborer,means', '--lang', 'en']),
      jsonPair(['coupling', '--systems', 'laborer,means,object']),
    ]);
    expect(zh).toContain(`${nodeName('laborer').zh} (laborer)`);
    expect(zh).toContain(`${nodeName('object').zh} (object)`);
    expect(zh).toMatch(/\n北京\s+2013/);
    expect(en).toContain(`${nodeName('means').en} (means)`);
    expect(en).toMatch(/\nBeijing\s+2013/);
    expect(named.names).toEqual({ laborer: nodeName('laborer'), means: nodeName('means'), object: nodeName('object') });
    expect(named.systems).toEqual(['laborer', 'means', 'object']);
  });

  it('coupling without names in the file keeps the raw ids', async () => {
    const en = await run(['coupling', '--data', unnamed, '--systems', 'laborer,means', '--lang', 'en']);
    expect(en).toContain('laborer × means');
    expect(en).not.toContain('(laborer)');
  });

  it('obstacle: indicators and dimensions labelled', async () => {
    const first = doc.indicators[0].id;
    const [zh, en, { named }] = await Promise.all([
      run(['obstacle', '--data', results, '--top', '3', '--lang', 'zh']),
      run(['obstacle', '--data', results, '--level', 'dimension', '--lang', 'en']),
      jsonPair(['obstacle', '--top', '3']),
    ]);
    expect(zh).toContain(`${indicatorName(first).zh} (${first})`);
    expect(en).toContain(`${nodeName('laborer').en} (laborer)`);
    const names = named.names as Record<string, unknown>;
    expect(names[first]).toEqual(indicatorName(first));
    expect(names.object).toEqual(nodeName('object'));
    expect(Object.keys(names)).toEqual([...(named.indicators as string[]), ...(named.dimensions as string[])]);
  });

  it('kde, gini, theil, markov, convergence: the value column is named in the heading and in "names"', async () => {
    // one language per command keeps the number of runs down; both languages are covered
    const cases: Array<[string[], 'zh' | 'en']> = [
      [['kde', '--value', 'laborer'], 'zh'],
      [['gini', '--value', 'laborer', '--group', 'region'], 'en'],
      [['theil', '--value', 'laborer', '--group', 'region'], 'zh'],
      [['markov', '--value', 'laborer'], 'en'],
      [['convergence', '--value', 'laborer'], 'zh'],
    ];
    await Promise.all(
      cases.map(async ([args, lang]) => {
        const [text, { named }] = await Promise.all([
          run([...args, '--data', results, '--lang', lang]),
          jsonPair(args),
        ]);
        expect(text).toContain(`${nodeName('laborer')[lang]} (laborer)`);
        expect(named.names).toEqual({ laborer: nodeName('laborer') });
      }),
    );
  });

  it('the index is named by the spec', async () => {
    const beta = ['convergence', '--value', 'index', '--type', 'beta', '--controls', 'means'];
    const [kde, betaEn, { named }] = await Promise.all([
      run(['kde', '--value', 'index', '--data', results, '--lang', 'zh']),
      run([...beta, '--data', results, '--lang', 'en']),
      jsonPair(beta),
    ]);
    expect(kde).toContain(`${doc.record.spec.name.zh} (index)`);
    expect(betaEn).toContain(`${nodeName('means').en} (means)`);
    expect(named.names).toEqual({ index: doc.record.spec.name, means: nodeName('means') });
  });

  it('moran and lisa: value named; lisa units in Chinese under zh', async () => {
    await Promise.all(
      ['moran', 'lisa'].map(async (cmd) => {
        const args = [cmd, '--value', 'object', '--weights', 'queen'];
        const [en, zh, { named }] = await Promise.all([
          run([...args, '--data', results, '--lang', 'en']),
          run([...args, '--data', results, '--lang', 'zh']),
          jsonPair(args),
        ]);
        expect(en).toContain(`${nodeName('object').en} (object)`);
        expect(zh).toContain(`${nodeName('object').zh} (object)`);
        if (cmd === 'lisa') {
          expect(zh).toMatch(/\n上海\s/);
          expect(zh).not.toMatch(/\nShanghai\s/);
        }
        expect(named.names).toEqual({ object: nodeName('object') });
      }),
    );
  });
});
