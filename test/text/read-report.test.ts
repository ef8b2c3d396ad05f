import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listReportFiles, readReport } from '../../src/adapters/io/read-report.ts';
import { htmlToText } from '../../src/adapters/text/html.ts';

const dir = mkdtempSync(join(tmpdir(), 'xinzhi-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GBK bytes of a short text (the two characters used, encoded by hand from the GB2312 table). */
const GBK: Record<string, number[]> = { 人: [0xc8, 0xcb], 工: [0xb9, 0xa4], 智: [0xd6, 0xc7], 能: [0xc4, 0xdc] };

describe('readReport', () => {
  it('decodes a GBK text file and says so', async () => {
    const file = join(dir, '600000_2020年年度报告.txt');
    writeFileSync(file, new Uint8Array([...'人工智能'].flatMap((ch) => GBK[ch])));
    const r = await readReport(file);
    expect([r.text, r.encoding, r.format]).toEqual(['人工智能', 'gb18030', 'txt']);
  });

  it('reads HTML without tags, scripts or entities', async () => {
    const file = join(dir, 'r.html');
    writeFileSync(
      file,
      '<html><head><style>p{}</style></head><body><p>推进&nbsp;人工<b>智能</b></p><script>x()</script>' +
        '<p>大数据&amp;云计算</p></body></html>',
    );
    expect((await readReport(file)).text).toBe('推进 人工智能大数据&云计算');
    expect(htmlToText('a<br>b&#x4EBA;&#24037;')).toBe('a\nb人工');
  });

  it('an unsupported type is an error naming the file; directories are searched for reports', async () => {
    writeFileSync(join(dir, 'data.docx'), 'x');
    await expect(readReport(join(dir, 'data.docx'))).rejects.toThrow(/unsupported file type/);
    expect((await listReportFiles([dir])).map((f) => f.split('/').pop())).toEqual([
      '600000_2020年年度报告.txt',
      'r.html',
    ]);
    await expect(listReportFiles([join(dir, 'absent')])).rejects.toThrow(/no such file/);
  });
});
