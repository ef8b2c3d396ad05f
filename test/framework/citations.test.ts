import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { SEED_FILES, loadFramework } from '../../src/core/framework/index.ts';
import { HAVE_SEEDS, SEEDS_DIR, sectionOccurs, seedText } from './helpers.ts';

const model = loadFramework();

describe.runIf(HAVE_SEEDS)('citations', () => {
  it('name the five seed files, which exist beside the repository', () => {
    const files = readdirSync(SEEDS_DIR);
    for (const f of Object.values(SEED_FILES)) expect(files).toContain(f);
  });

  it('of every node quote a heading that starts a line of the cited seed file', () => {
    const missing: string[] = [];
    for (const n of model.nodes) {
      if (n.kind === 'indicator') continue;
      for (const c of n.cite) if (!sectionOccurs(c.seed, c.section)) missing.push(`${n.id}: ${c.seed} § ${c.section}`);
    }
    expect(missing).toEqual([]);
  });

  it('of every relation quote a heading that starts a line of the cited seed file', () => {
    const missing: string[] = [];
    for (const r of model.relations) {
      for (const c of r.cite ?? [])
        if (!sectionOccurs(c.seed, c.section))
          missing.push(`${r.from} -[${r.type}]-> ${r.to}: ${c.seed} § ${c.section}`);
    }
    expect(missing).toEqual([]);
  });

  it('are headings, not passages (at most 150 characters)', () => {
    for (const n of model.nodes)
      for (const c of n.cite) expect(c.section.length, `${n.id}: ${c.section}`).toBeLessThanOrEqual(150);
  });

  it('cover each seed: every seed file is cited by at least 10 nodes', () => {
    for (const f of Object.values(SEED_FILES)) {
      const count = model.nodes.filter((n) => n.cite.some((c) => c.seed === f)).length;
      expect(count, f).toBeGreaterThanOrEqual(10);
    }
  });

  it('the helper rejects text that is not in the file', () => {
    expect(sectionOccurs(SEED_FILES['000'], '表 3 主轴式编码')).toBe(true);
    expect(sectionOccurs(SEED_FILES['000'], '表 9 不存在的表')).toBe(false);
    // body text in the middle of a line is not a heading
    expect(sectionOccurs(SEED_FILES['000'], '选定小米、华为、中车等20家样本企业')).toBe(false);
  });
});

describe.runIf(HAVE_SEEDS)('seed 001 (traditional script) is named in simplified Chinese', () => {
  // The 6763 hanzi of GB 2312 are simplified forms: decode every two-byte code of its hanzi rows (GBK keeps them unchanged).
  const gb2312 = new Set<string>();
  const gbk = new TextDecoder('gbk');
  for (let hi = 0xb0; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = gbk.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') gb2312.add(ch);
    }
  }
  // Characters of seed 001 found neither in GB 2312 nor in the four simplified seeds are traditional forms.
  const simplified = new Set([...(['000', '002', '003', '004'] as const).map((s) => seedText(SEED_FILES[s])).join('')]);
  const traditionalOnly = new Set(
    [...seedText(SEED_FILES['001'])].filter(
      (ch) => /[\u4e00-\u9fff]/.test(ch) && !simplified.has(ch) && !gb2312.has(ch),
    ),
  );

  it('finds traditional characters to test with', () => {
    expect(gb2312.size).toBeGreaterThanOrEqual(6763);
    for (const ch of ['數', '產', '業', '術']) expect(traditionalOnly.has(ch)).toBe(true);
    for (const ch of ['数', '夯', '登']) expect(traditionalOnly.has(ch)).toBe(false);
  });

  it('uses no traditional-only character in the names and descriptions of seed 001 nodes', () => {
    const bad: string[] = [];
    for (const n of model.nodes.filter((x) => x.id.startsWith('s001.') || x.id === 'seed.001')) {
      for (const text of [n.name.zh, n.description.zh]) {
        const found = [...text].filter((ch) => traditionalOnly.has(ch));
        if (found.length) bad.push(`${n.id}: ${found.join('')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('cites seed 001 headings in traditional script, as in the file', () => {
    const cites = model.nodes.flatMap((n) => n.cite).filter((c) => c.seed === SEED_FILES['001']);
    expect(cites.some((c) => c.section.includes('數字新質生產力'))).toBe(true);
  });
});
