/**
 * `xinzhi estimate --json --html --docx --xlsx --csv`: every document is read
 * back and each number it shows is compared with the results object the same
 * run printed as JSON — formatted to the shown decimals in HTML, Word and CSV,
 * at full precision in the XLSX cells. Placement is checked cell by cell for
 * the regression table and the type-specific blocks.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, xinzhi } from '../analysis/gini-cli-helpers.ts';
import { type HtmlTable, sectionTables, tableOf } from '../../src/adapters/report/html-tables.ts';
import { fixed } from '../../src/adapters/report/tables.ts';
import { stars } from '../../src/core/stats/stars.ts';

// biome-ignore lint/suspicious/noExplicitAny: results read back from JSON
type Json = any;

interface Run {
  res: { models: Json[] };
  html: string;
  docx: Uint8Array;
  xlsx: Uint8Array;
  csv: string;
}

const DIR = mkdtempSync(join(tmpdir(), 'xinzhi-est-docs-'));

function run(name: string, data: string, model: string, lang: 'zh' | 'en', extra: string[] = []): Run {
  const out = (ext: string) => join(DIR, `${name}.${ext}`);
  const r = xinzhi([
    'estimate',
    '--data',
    data,
    '--model',
    model,
    '--json',
    '--lang',
    lang,
    '--html',
    out('html'),
    '--docx',
    out('docx'),
    '--xlsx',
    out('xlsx'),
    '--csv',
    out('csv'),
    ...extra,
  ]);
  expect(r.status, r.stderr).toBe(0);
  return {
    res: JSON.parse(r.stdout),
    html: readFileSync(out('html'), 'utf8'),
    docx: readFileSync(out('docx')),
    xlsx: readFileSync(out('xlsx')),
    csv: readFileSync(out('csv'), 'utf8'),
  };
}

/** Every finite number anywhere in the results object. */
function leaves(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') {
    if (Number.isFinite(x)) out.push(x);
  } else if (Array.isArray(x)) for (const v of x) leaves(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) leaves(v, out);
  return out;
}

/** The texts a results number may be shown as (0–6 decimals). */
function shownForms(res: unknown): Set<string> {
  const s = new Set<string>();
  for (const v of leaves(res)) for (const d of [0, 2, 3, 4, 6]) s.add(fixed(v, d));
  return s;
}

const NUMERIC = /^[([]?(-?\d+(?:\.\d+)?)\**[)\]]?$/;

/** Every numeric cell of the tables (header rows and the label column skipped) is a results number at its decimals. */
function checkNumbers(tables: HtmlTable[], res: unknown): number {
  const forms = shownForms(res);
  let count = 0;
  for (const t of tables)
    for (const row of t.rows.slice(t.head))
      for (const cell of row.slice(1)) {
        const m = NUMERIC.exec(cell);
        if (!m) continue;
        expect(forms.has(m[1]), `${t.caption}: ${cell}`).toBe(true);
        count++;
      }
  return count;
}

function htmlTables(html: string): HtmlTable[] {
  return sectionTables(parse(html).querySelector('main')!.innerHTML);
}

async function docxTables(bytes: Uint8Array): Promise<HtmlTable[]> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return parse(value)
    .querySelectorAll('table')
    .map((el) => {
      const t = tableOf(el);
      // mammoth has no <thead>: the first row is the header
      return { ...t, head: 1 };
    });
}

function csvTables(csv: string): HtmlTable[] {
  const lines = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .map((l) => {
      const cells: string[] = [];
      const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
      for (let m = re.exec(l); m && m[0] !== ''; m = re.exec(l)) {
        cells.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
        if (m[2] === '') break;
      }
      return cells;
    });
  const out: HtmlTable[] = [];
  let cur: string[][] = [];
  for (const l of lines) {
    if (l.length === 0 || (l.length === 1 && l[0] === '')) {
      // a caption line, the header, the rows, then the note (one cell); interpretation lines stand alone
      const rows = cur.slice(1).filter((r) => r.length > 1);
      if (rows.length) out.push({ caption: cur[0][0], rows, head: 1 });
      cur = [];
    } else cur.push(l);
  }
  return out;
}

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The row of a table whose first cell is `label`, and the cell under the header that starts with `col`. */
function at(t: HtmlTable, label: string, col: string, below = 0): string {
  const r = t.rows.findIndex((row, i) => i >= t.head && row[0] === label);
  const c = t.rows[0].findIndex((h) => h.startsWith(col));
  expect(r, `row ${label} in ${t.caption}`).toBeGreaterThan(-1);
  expect(c, `column ${col} in ${t.caption}`).toBeGreaterThan(-1);
  return t.rows[r + below][c];
}

const coef = (c: { estimate: number; p: number }) => `${fixed(c.estimate, 4)}${stars(c.p)}`;
const paren = (v: number) => `(${fixed(v, 4)})`;
const DATA = `${ROOT}data/estimate/grunfeld.csv`;

describe('estimate documents: fixed effects and mediation (Grunfeld)', { timeout: 120_000 }, () => {
  let fe: Run;
  let med: Run;
  beforeAll(() => {
    fe = run('fe', DATA, `${ROOT}data/estimate/grunfeld-fe.json`, 'zh');
    med = run('med', DATA, `${ROOT}data/estimate/grunfeld-mediation.json`, 'en');
  }, 120_000);

  it('HTML: the regression table puts every coefficient, SE, N and R² under its model, and names the preset', () => {
    const [t] = htmlTables(fe.html);
    expect(t.caption).toContain('回归结果');
    fe.res.models.forEach((m: Json, k: number) => {
      const col = `(${k + 1}) ${m.y}`;
      for (const [term, c] of Object.entries<Json>(m.coefficients)) {
        expect(at(t, term, col)).toBe(coef(c));
        expect(at(t, term, col, 1)).toBe(paren(c.se));
      }
      expect(at(t, '观测数', col)).toBe(String(m.n));
      expect(at(t, '组内 R²', col)).toBe(fixed(m.r2Within, 4));
      expect(at(t, 'firm 固定效应', col)).toBe('是');
      expect(at(t, 'year 固定效应', col)).toBe(k === 0 ? '是' : '否');
      expect(at(t, '聚类', col)).toBe('firm');
      expect(at(t, '标准误', col)).toContain('Stata');
    });
    // the published Stata figure (fixest vignette): inv ~ capital | firm + year, clustered by firm — here with value too
    expect(fe.html).toContain('*** p&lt;0.01');
    expect(checkNumbers(htmlTables(fe.html), fe.res)).toBeGreaterThan(10);
  });

  it('HTML / Word / CSV: the three mediation equations, the indirect effect and its tests, numbers from the results', async () => {
    const m = med.res.models[0];
    const tables = htmlTables(med.html);
    const [reg, ind, tests] = tables;
    expect(at(reg, m.model.x[0], `(1) ${m.y} (total)`)).toBe(coef(m.steps.total.coefficients[m.model.x[0]]));
    expect(at(reg, m.model.m, `(3) ${m.y} (with`)).toBe(coef(m.steps.outcome.coefficients[m.model.m]));
    expect(at(ind, 'indirect effect ab', 'Value')).toBe(fixed(m.indirect.estimate, 4));
    expect(at(ind, 'total effect c', 'Value')).toBe(fixed(m.total, 4));
    expect(at(ind, 'direct effect c′', 'Value')).toBe(fixed(m.direct, 4));
    expect(at(ind, '95% percentile interval, lower', 'Value')).toBe(fixed(m.indirect.bootstrap.percentile[0], 4));
    expect(at(ind, '95% bias-corrected interval, upper', 'Value')).toBe(
      fixed(m.indirect.bootstrap.biasCorrected[1], 4),
    );
    for (const [label, key] of [
      ['Sobel', 'sobel'],
      ['Aroian', 'aroian'],
      ['Goodman', 'goodman'],
    ]) {
      expect(at(tests, label, 'z')).toBe(fixed(m.indirect[key].z, 4));
      expect(at(tests, label, 'p')).toBe(fixed(m.indirect[key].p, 4));
    }
    expect(med.html).toContain(m.interpretation.en);
    checkNumbers(tables, med.res);

    const word = await docxTables(med.docx);
    expect(word.map((t) => t.rows)).toEqual(tables.map((t) => t.rows));
    expect(checkNumbers(word, med.res)).toBe(checkNumbers(tables, med.res));

    const csv = csvTables(med.csv);
    expect(csv.map((t) => t.rows)).toEqual(tables.map((t) => t.rows));
    expect(med.csv).toContain(m.interpretation.en);
  });

  it('XLSX: coefficient cells hold the results at full precision, formatted with stars and parentheses', async () => {
    const wb = await workbook(fe.xlsx);
    const ws = wb.worksheets[1];
    const rows: Json[][] = [];
    ws.eachRow((r) => rows.push((r.values as Json[]).slice(1)));
    fe.res.models.forEach((m: Json, k: number) => {
      for (const [term, c] of Object.entries<Json>(m.coefficients)) {
        const i = rows.findIndex((r) => r[0] === term);
        expect(rows[i][k + 1]).toBe(c.estimate);
        expect(rows[i + 1][k + 1]).toBe(c.se);
        expect(ws.getRow(i + 1).getCell(k + 2).numFmt).toContain(`"${stars(c.p)}"`.replace('""', ''));
        expect(ws.getRow(i + 2).getCell(k + 2).numFmt).toMatch(/^"\("0\.0000"\)"/);
      }
      expect(rows.find((r) => r[0] === '观测数')?.[k + 1]).toBe(m.n);
      expect(rows.find((r) => r[0] === '组内 R²')?.[k + 1]).toBe(m.r2Within);
    });
    const all = new Set(leaves(fe.res));
    const med2 = await workbook(med.xlsx);
    const allMed = new Set(leaves(med.res));
    for (const [book, set] of [
      [wb, all],
      [med2, allMed],
    ] as const)
      for (const s of book.worksheets.slice(1))
        s.eachRow((r, i) => {
          if (i === 1) return;
          for (const v of (r.values as Json[]).slice(2))
            if (typeof v === 'number') expect(set.has(v), `${s.name}: ${v}`).toBe(true);
        });
  });

  it('--paren t shows t statistics and says so in the note', () => {
    const r = run('fe-t', DATA, `${ROOT}data/estimate/grunfeld-fe.json`, 'en', ['--paren', 't']);
    const [t] = htmlTables(r.html);
    const c = r.res.models[0].coefficients.value;
    expect(at(t, 'value', '(1) inv', 1)).toBe(`(${fixed(c.t, 3)})`);
    expect(r.html).toContain('t statistics in parentheses');
    const bad = xinzhi([
      'estimate',
      '--data',
      DATA,
      '--model',
      `${ROOT}data/estimate/grunfeld-fe.json`,
      '--paren',
      'z',
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--paren');
  });
});

describe('estimate documents: moderation, IV, DID family, threshold, SDM', { timeout: 120_000 }, () => {
  it('moderation: simple slopes; IV: first-stage F row', () => {
    const mod = run('mod', DATA, `${ROOT}data/estimate/grunfeld-moderation.json`, 'en');
    const m = mod.res.models[0];
    const tables = htmlTables(mod.html);
    const slopes = tables.find((t) => t.caption.includes('simple slopes'))!;
    const labels = { low: 'low (mean − 1 SD)', mean: 'mean', high: 'high (mean + 1 SD)' } as const;
    for (const s of m.slopes) {
      const label = labels[s.at as keyof typeof labels];
      expect(at(slopes, label, 'Slope')).toBe(coef(s));
      expect(at(slopes, label, 'SE')).toBe(fixed(s.se, 4));
    }
    checkNumbers(tables, mod.res);

    const iv = run('iv', DATA, `${ROOT}data/estimate/grunfeld-iv.json`, 'en');
    const v = iv.res.models[0];
    const [reg] = htmlTables(iv.html);
    for (const [k, F] of Object.entries<number>(v.firstStageF))
      expect(at(reg, `First-stage F (${k})`, '(1)')).toBe(fixed(F, 2));
    checkNumbers(htmlTables(iv.html), iv.res);
  });

  it('DID: ATT and placebo; event study: periods, pre-trend test and the SVG figure; Callaway–Sant’Anna aggregations', async () => {
    const common = run('did', `${ROOT}data/estimate/did-common.csv`, `${ROOT}data/estimate/did-common.json`, 'en');
    const twfe = common.res.models[1];
    const tables = htmlTables(common.html);
    const att = tables.find((t) => t.caption.includes(`${twfe.name}: two-way FE DID ATT`))!;
    expect(at(att, twfe.term, 'ATT')).toBe(coef(twfe.att));
    expect(at(att, twfe.term, '95% CI lower')).toBe(fixed(twfe.att.ci[0], 4));
    const placebo = tables.find((t) => t.caption.includes(`${twfe.name}: placebo`))!;
    expect(at(placebo, 'ATT', 'Mean')).toBe(fixed(twfe.placebo.mean, 4));
    expect(at(placebo, 'ATT', 'Share')).toBe(fixed(twfe.placebo.share, 4));
    checkNumbers(tables, common.res);

    const stag = run(
      'did-s',
      `${ROOT}data/estimate/did-staggered.csv`,
      `${ROOT}data/estimate/did-staggered.json`,
      'en',
    );
    const st = htmlTables(stag.html);
    checkNumbers(st, stag.res);
    const es = stag.res.models.find((m: Json) => m.type === 'event-study');
    const periods = st.find((t) => t.caption.includes(`${es.name}: event study`))!;
    for (const p of es.periods)
      expect(at(periods, String(p.period), 'Estimate')).toBe(p.reference ? '0 (reference)' : coef(p));
    if (es.pretrend) {
      const pre = st.find((t) => t.caption.includes('pre-trend'))!;
      expect(at(pre, 'Wald F', 'F')).toBe(fixed(es.pretrend.F, 3));
      expect(at(pre, 'Wald F', 'p')).toBe(fixed(es.pretrend.p, 4));
    }
    expect(stag.html).toMatch(/<figure class="chart" id="est-figure-\d+">\s*<svg/);
    const cs = stag.res.models.find((m: Json) => m.type === 'did' && m.estimator === 'cs');
    if (cs) {
      const agg = st.find((t) => t.caption.includes('aggregated ATT'))!;
      expect(at(agg, 'simple', 'ATT')).toBe(coef(cs.aggregations.simple));
      for (const d of cs.aggregations.dynamic.byEventTime) expect(at(agg, `e = ${d.e}`, 'SE')).toBe(fixed(d.se, 4));
    }
    const word = await docxTables(stag.docx);
    expect(word.map((t) => t.rows)).toEqual(st.map((t) => t.rows));
  });

  it('threshold: γ with LR intervals, bootstrap F tests, thresholds in the regression table', () => {
    const th = run('th', `${ROOT}data/estimate/threshold-sim.csv`, `${ROOT}data/estimate/threshold-sim.json`, 'en');
    const m = th.res.models[0];
    const tables = htmlTables(th.html);
    const g = tables.find((t) => t.caption.includes('threshold estimates'))!;
    m.thresholds.forEach((v: number, k: number) => {
      expect(at(g, `γ${k + 1}`, 'Estimate')).toBe(fixed(v, 4));
      expect(at(g, `γ${k + 1}`, '95% CI upper')).toBe(fixed(m.ci[k][1], 4));
      expect(at(tables[0], `Threshold γ${k + 1}`, '(1)')).toBe(fixed(v, 4));
    });
    const tests = tables.find((t) => t.caption.includes('threshold tests'))!;
    for (const t of m.tests) {
      expect(at(tests, t.hypothesis, 'F')).toBe(fixed(t.F, 3));
      expect(at(tests, t.hypothesis, 'p')).toBe(fixed(t.pValue, 4));
    }
    checkNumbers(tables, th.res);
  });

  it('SDM: direct, indirect and total impacts with simulated SEs, and the LM / LR / Wald tests', async () => {
    const path = join(DIR, 'sdm.json');
    writeFileSync(
      path,
      JSON.stringify({
        type: 'sdm',
        name: 'SDM',
        y: 'Digital Economy',
        x: ['Urbanization Level', 'Openness Level'],
        unit: 'Province',
        time: 'Year',
        fe: ['unit', 'time'],
        weights: `file:${ROOT}test/reference/analysis/fixtures/queen31_edges.csv`,
        draws: 200,
        seed: 1,
      }),
    );
    const sdm = run('sdm', `${ROOT}data/province-panel/province_panel_2013_2022.csv`, path, 'zh');
    const m = sdm.res.models[0];
    const tables = htmlTables(sdm.html);
    expect(at(tables[0], 'rho', '(1)')).toBe(coef(m.rho));
    const imp = tables.find((t) => t.caption.includes('直接、间接与总效应'))!;
    for (const x of Object.keys(m.impacts.direct)) {
      expect(at(imp, x, '直接效应')).toBe(coef(m.impacts.direct[x]));
      expect(at(imp, x, '间接效应')).toBe(coef(m.impacts.indirect[x]));
      expect(at(imp, x, '总效应')).toBe(coef(m.impacts.total[x]));
    }
    const tests = tables.find((t) => t.caption.includes('空间模型检验'))!;
    expect(at(tests, 'LR θ = 0 (SDM → SAR)', '统计量')).toBe(fixed(m.tests.lrSar.statistic, 3));
    checkNumbers(tables, sdm.res);
    const wb = await workbook(sdm.xlsx);
    const ws = wb.worksheets.find((s) => s.name.includes('direct, indirect'))!;
    const row = (ws.getRow(2).values as Json[]).slice(1);
    const x0 = row[0] as string;
    expect(row.slice(1)).toEqual([
      m.impacts.direct[x0].estimate,
      m.impacts.direct[x0].se,
      m.impacts.indirect[x0].estimate,
      m.impacts.indirect[x0].se,
      m.impacts.total[x0].estimate,
      m.impacts.total[x0].se,
    ]);
  });
});
