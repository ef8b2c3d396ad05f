/**
 * Third-party errors are wrapped with the file and a fix (issue 17): an XLSX
 * whose sheet XML is empty, a YAML alias bomb, an output folder under a file.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/adapters/formats/table.ts';
import { MAX_YAML_ALIASES, parseSpecText } from '../../src/adapters/io/load-spec.ts';
import { outputDir } from '../../src/adapters/io/write-outputs.ts';
import { XinzhiError } from '../../src/core/errors.ts';

async function problem(f: () => unknown): Promise<XinzhiError['problems'][number]> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(XinzhiError);
    return (e as XinzhiError).problems[0];
  }
  throw new Error('expected a XinzhiError');
}

describe('wrapped third-party errors', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('an XLSX with an empty sheet XML, or cut short: the file named, a plain reason, no library internals', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a').addRow([1, 2]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', '');
    const emptySheet = new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
    const sheet = await problem(() => parseTable(emptySheet, 'broken.xlsx'));
    expect(sheet).toMatchObject({ code: 'xlsx-invalid', file: 'broken.xlsx' });
    expect(sheet.message.en).toMatch(/sheet data inside it is damaged/);
    const cut = await problem(() => parseTable(good.slice(0, 200), 'cut.xlsx'));
    expect(cut.message.en).toMatch(/not a valid \.xlsx archive/);
    for (const p of [sheet, cut]) {
      expect(p.message.en).not.toMatch(/Cannot read properties|undefined|reading '/);
      expect(p.fix?.en).toBeTruthy();
    }
  });

  it('a YAML alias bomb stops at the alias limit with the file named', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const p = await problem(() => parseSpecText(lines.join('\n'), 'bomb.yaml'));
    expect(p.file).toBe('bomb.yaml');
    expect(p.code).toBe('spec-yaml-aliases');
    expect(p.message.en).toContain(String(MAX_YAML_ALIASES));
  });

  it('an output folder under a file: the path and the reason, no stack', async () => {
    const base = await mkdtemp(join(tmpdir(), 'xinzhi-out-'));
    dirs.push(base);
    await writeFile(join(base, 'file'), 'x');
    const p = await problem(() => outputDir(join(base, 'file', 'out')));
    expect(p.code).toBe('out-dir');
    expect(p.message.en).toMatch(/a part of the path is a file|a file of that name exists/);
    expect(p.fix?.en).toMatch(/--out/);
  });
});
