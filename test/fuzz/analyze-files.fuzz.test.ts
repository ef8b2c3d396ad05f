/**
 * Property-based tests of `xinzhi analyze` on the files users give it (issue
 * 17): mutated results.json files, raw CSV panels with bad cells, and XLSX
 * bytes that are truncated or corrupted. The commands run in-process through
 * the same commander definitions as the CLI (so with the CLI's defaults); each
 * either prints one JSON document with no NaN where numbers are promised, or
 * fails with a XinzhiError whose messages name something — never another
 * exception, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAnalyze } from '../../src/adapters/cli/analyze.ts';
import { outputReplacer } from '../../src/adapters/report/json.ts';
import { evaluate } from '../../src/core/measure/evaluate.ts';
import type { Panel } from '../../src/core/panel/types.ts';
import { RUNS, SEED, underContractAsync } from './contract.ts';

const PROVINCES = ['Beijing', 'Tianjin', 'Hebei', 'Shanxi', 'Shandong', 'Henan', 'Jiangsu', 'Anhui'];
let dir: string;
let resultsText: string;

/** Run `xinzhi analyze ...args` in-process; the printed JSON document, parsed. */
async function analyze(args: string[]): Promise<unknown> {
  const program = new Command().exitOverride();
  registerAnalyze(program);
  program.commands.forEach(function quiet(c) {
    c.exitOverride();
    c.configureOutput({ writeOut: () => {}, writeErr: () => {} });
    c.commands.forEach(quiet);
  });
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'xinzhi', 'analyze', ...args, '--json']);
  } finally {
    process.stdout.write = write;
  }
  return JSON.parse(out);
}

let tally = { ok: 0, refused: 0 };

/**
 * One command under the contract: a JSON document, or a XinzhiError. In the
 * document an absent statistic (null) comes with a stated reason (a warning).
 */
async function underCli(args: string[], label: string): Promise<void> {
  const r = await underContractAsync(() => analyze(args), label);
  if (!r.ok) {
    tally.refused++;
    return;
  }
  tally.ok++;
  const text = JSON.stringify(r.value);
  // no value printed from a missing one ("undefined", "NaN" as whole strings)
  expect(text, label).not.toMatch(/"(undefined|NaN|null)"/);
  // an absent statistic (null; "group" and "time" are null when not given) comes with its reason
  const stats = text.replace(/"(group|time)":null/g, '');
  if (/:null[,}\]]/.test(stats))
    expect(text, `${label}: a null without a stated reason`).toMatch(/warning|reason|note/i);
}

const COMMANDS: Array<(file: string) => string[]> = [
  (f) => ['coupling', '--data', f],
  (f) => ['gini', '--data', f, '--value', 'index', '--group', 'region'],
  (f) => ['theil', '--data', f, '--value', 'index'],
  (f) => ['kde', '--data', f, '--value', 'index'],
  (f) => ['markov', '--data', f, '--value', 'index'],
  (f) => ['convergence', '--data', f, '--value', 'index'],
  (f) => ['obstacle', '--data', f],
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xinzhi-fuzz-files-'));
  const unit: string[] = [];
  const time: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 6; i++)
    for (let t = 0; t < 3; t++) {
      unit.push(PROVINCES[i]);
      time.push(2020 + t);
      a.push(1 + i + t);
      b.push(10 - i + 2 * t);
    }
  const panel: Panel = {
    unitKey: 'province',
    timeKey: 'year',
    unit,
    time,
    columns: { a: Float64Array.from(a), b: Float64Array.from(b) },
  };
  const r = evaluate(panel, {
    unit: 'province',
    time: 'year',
    nodes: [
      { id: 'A', parent: null },
      { id: 'B', parent: null },
    ],
    indicators: [
      { id: 'a', column: 'a', direction: '+', parent: 'A' },
      { id: 'b', column: 'b', direction: '+', parent: 'B' },
    ],
  });
  resultsText = JSON.stringify(r, outputReplacer);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD_VALUES = [null, 0, -1, '', 'NaN', '1e309', 'Beijing', {}, [], true, 1e308, -0];

describe('fuzz: analyze on files', () => {
  it('the unmutated results.json runs under every command (the generators start from working input)', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, resultsText);
    for (const c of COMMANDS) {
      const out = await analyze(c(file));
      expect(out, c('F').join(' ')).toBeTypeOf('object');
    }
  });

  it('mutated results.json files', async () => {
    tally = { ok: 0, refused: 0 };
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('scores', 'nodeScores'),
        fc.constantFrom('unit', 'time', 'score', 'node'),
        fc.constantFrom('set', 'delete', 'empty-list', 'drop-record', 'truncate', 'duplicate'),
        fc.nat(40),
        fc.constantFrom(...BAD_VALUES),
        fc.nat(COMMANDS.length - 1),
        async (list, field, op, at, value, cmd) => {
          const doc = JSON.parse(resultsText) as Record<string, unknown>;
          const entries = doc[list] as Array<Record<string, unknown>>;
          const e = entries[at % entries.length];
          let text: string;
          if (op === 'set') e[field] = value;
          else if (op === 'delete') delete e[field];
          else if (op === 'empty-list') doc[list] = [];
          else if (op === 'drop-record') delete doc.record;
          else if (op === 'duplicate') entries.push({ ...e });
          if (op === 'truncate') text = resultsText.slice(0, Math.floor((resultsText.length * (at + 1)) / 42));
          else text = JSON.stringify(doc);
          const file = join(dir, `r${k++}.json`);
          writeFileSync(file, text);
          await underCli(
            COMMANDS[cmd](file),
            `${list}.${field} ${op} ${JSON.stringify(value)} | ${COMMANDS[cmd]('F').join(' ')}`,
          );
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    // most mutations are refusals by design (a unit that is a number, a truncated file); some must still run
    expect(tally.ok, JSON.stringify(tally)).toBeGreaterThan(RUNS / 10);
  }, 180_000);

  it('raw CSV panels with bad cells', async () => {
    tally = { ok: 0, refused: 0 };
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.constantFrom('—', '#DIV/0!', '', 'NA', '1e309', '-1e309', '∞', '12%', '=A1+1', '0', '-5', '1,234'),
          {
            maxLength: 3,
          },
        ),
        fc.nat(17),
        fc.constantFrom('gini', 'theil', 'kde', 'markov', 'convergence', 'moran'),
        async (nu, nt, tokens, at, cmd) => {
          const rows = ['province,year,region,x'];
          for (let i = 0; i < nu; i++)
            for (let t = 0; t < nt; t++)
              rows.push(`${PROVINCES[i]},${2020 + t},${i % 2 ? 'East' : 'West'},${1 + i * 2 + t}`);
          tokens.forEach((tok, j) => {
            const r = 1 + ((at + j) % (rows.length - 1));
            const cells = rows[r].split(',');
            cells[3] = tok.includes(',') ? `"${tok}"` : tok;
            rows[r] = cells.join(',');
          });
          const file = join(dir, `p${k++}.csv`);
          writeFileSync(file, rows.join('\n'));
          const base = ['--data', file, '--unit', 'province', '--time', 'year', '--value', 'x'];
          const args =
            cmd === 'gini'
              ? ['gini', ...base, '--group', 'region']
              : cmd === 'moran'
                ? ['moran', ...base, '--weights', 'queen']
                : [cmd, ...base];
          await underCli(args, `${nu}×${nt} ${tokens.join('|')} ${cmd}`);
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(tally.ok, JSON.stringify(tally)).toBeGreaterThan(RUNS / 5);
  }, 180_000);

  it('XLSX bytes truncated or corrupted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('panel');
    ws.addRow(['province', 'year', 'x']);
    for (let i = 0; i < 5; i++) for (let t = 0; t < 2; t++) ws.addRow([PROVINCES[i], 2020 + t, 1 + i + t]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('truncate', 'flip', 'zero', 'empty'),
        fc.nat(good.length - 1),
        fc.integer({ min: 1, max: 64 }),
        async (op, at, n) => {
          const bytes = good.slice();
          let data: Uint8Array = bytes;
          if (op === 'truncate') data = bytes.slice(0, at);
          else if (op === 'flip') for (let j = 0; j < n; j++) bytes[(at + j * 97) % bytes.length] ^= 0xa5;
          else if (op === 'zero') bytes.fill(0, at, Math.min(bytes.length, at + n * 16));
          else data = new Uint8Array(0);
          const file = join(dir, `x${k++}.xlsx`);
          writeFileSync(file, data);
          await underCli(
            ['kde', '--data', file, '--unit', 'province', '--time', 'year', '--value', 'x'],
            `${op} ${at} ${n}`,
          );
        },
      ),
      { numRuns: Math.max(20, Math.floor(RUNS / 2)), seed: SEED },
    );
  }, 180_000);
});
