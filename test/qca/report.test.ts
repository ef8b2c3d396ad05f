/**
 * The QCA report (report/qca-html.ts): on Lipset's fuzzy data the solution
 * tables print the QCA package's published figures (complex 0.870 / 0.843 /
 * 0.658, parsimonious 0.850 / 0.819 / 0.714, intermediate 0.866 / 0.839 /
 * 0.660; R QCA `?minimize`), the configuration table uses ● / ⊗, and the Word
 * document has the same tables; `xinzhi qca minimize --html` writes it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { rasterizeSvg } from '../../src/adapters/io/rasterize.ts';
import { qcaReportDocx, qcaReportHtml, qcaSections } from '../../src/adapters/report/qca-html.ts';
import { configurationTable } from '../../src/core/qca/configuration-table.ts';
import { minimize, parseDirectionalExpectations } from '../../src/core/qca/minimize.ts';
import { necessity } from '../../src/core/qca/necessity.ts';
import { truthTable } from '../../src/core/qca/truth-table.ts';
import { xyPlot } from '../../src/core/qca/xy.ts';
import { LIPSET, dataPath, loadSets } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function lipset(lang: 'zh' | 'en') {
  const data = await loadSets('lipset_LF.csv', LIPSET, 'SURV');
  const tt = truthTable(data, { inclCut: 0.8 });
  const res = minimize(data, tt, { dirExp: parseDirectionalExpectations('DEV, URB, LIT, IND, STB', LIPSET) });
  const main = res.intermediate![0].models[0];
  return {
    lang,
    necessity: necessity(data),
    truthTable: tt,
    minimize: res,
    configurations: configurationTable(res, main),
    xy: xyPlot(
      data,
      main.terms.map((t) => t.implicant),
    ),
  };
}

describe('QCA report', () => {
  it('prints the published solution figures, the truth table and ● / ⊗ configurations', async () => {
    const root = parse(qcaReportHtml(await lipset('en')));
    const captions = root.querySelectorAll('#qca-solutions caption').map((c) => c.text);
    expect(captions.some((c) => c.includes('DEV*~IND + URB*STB'))).toBe(true);
    const solutionRow = (i: number) =>
      root
        .querySelectorAll('#qca-solutions table')
        [i].querySelectorAll('tbody tr')
        .at(-1)!
        .querySelectorAll('td')
        .map((td) => td.text);
    expect(solutionRow(0).slice(1, 4)).toEqual(['0.870', '0.843', '0.658']);
    expect(solutionRow(1).slice(1, 4)).toEqual(['0.850', '0.819', '0.714']);
    expect(solutionRow(2).slice(1, 4)).toEqual(['0.866', '0.839', '0.660']);
    // the two rows passing 0.8: 22 (FI, IE) and 32 (BE, CZ, NL, UK)
    const out1 = root
      .querySelectorAll('#qca-truth-table tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text))
      .filter((r) => r[6] === '1');
    expect(out1.map((r) => r[0]).sort()).toEqual(['22', '32']);
    const conf = root.querySelector('#qca-configurations tbody')!.text;
    expect(conf).toContain('⊗');
    expect(conf).toContain('●');
    expect(root.querySelector('#qca-xy svg')).not.toBeNull();
    expect(qcaSections(await lipset('zh')).map((s) => s.id)).toEqual([
      'qca-necessity',
      'qca-truth-table',
      'qca-solutions',
      'qca-configurations',
      'qca-xy',
    ]);
  });

  it('Word: the same tables', async () => {
    const input = await lipset('zh');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(await qcaReportDocx(input, rasterizeSvg)) });
    const html = qcaReportHtml(input);
    expect(parse(value).querySelectorAll('table').length).toBe(parse(html).querySelectorAll('table').length);
    expect(value).toContain('0.866');
  }, 60_000);

  it('xinzhi qca minimize --html writes the report', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xinzhi-qca-')), 'qca.html');
    const r = spawnSync(
      process.execPath,
      [
        'bin/xinzhi.js',
        'qca',
        'minimize',
        '--data',
        dataPath('lipset_LF.csv'),
        '--conditions',
        LIPSET.join(','),
        '--outcome',
        'SURV',
        '--incl-cut',
        '0.8',
        '--html',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('id="qca-configurations"');
  }, 60_000);
});
