/**
 * Own words: no node description or relation note of the framework model
 * copies the papers.
 *
 * Names, structures and figures of the papers are facts and may be used;
 * descriptions are written in our own words. The rule checked here, for every
 * node of the model (shared concepts and seeds 000–004), and for every
 * relation note in the same way:
 *
 * - Chinese: the description shares no run of 13 consecutive characters with
 *   the text of any seed file the node cites (for a relation note: the seed files
 *   the relation cites, or, when it cites none, those its source and target
 *   nodes cite). Both sides are compared after
 *   NFKC normalisation, traditional → simplified characters (seed 001 is in
 *   traditional script) and removal of whitespace, in two views: with every
 *   run of punctuation made one and the same mark, and with punctuation
 *   removed. So a copy does not escape by a changed or dropped comma or a line
 *   break.
 * - English: the description shares no run of 8 consecutive words with the
 *   English parts of any seed file (abstracts, titles, references). Words are
 *   compared as their letters and digits run together, because the PDF
 *   extraction often loses or adds spaces ("digital newquality productivityfor").
 * - The only exception is a name, term, slogan or enumeration of category
 *   names quoted in 「」, “”, ‘’ (or "" in English), e.g. “以质育新、以新促质”.
 *   Quoted spans are cut out before the check (the text on either side is
 *   checked separately), and a quoted span must look like a term: no sentence
 *   punctuation and short items (see `quoteProblem`), so quoting cannot hide a
 *   copied sentence.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_PARTS, loadFramework } from '../../src/core/framework/model.ts';
import { SEED_FILES } from '../../src/core/framework/common.ts';
import type { Bilingual } from '../../src/core/i18n.ts';
import type { FrameworkNode, FrameworkRelation } from '../../src/core/framework/types.ts';
import { HAVE_SEEDS, seedText } from './helpers.ts';

/** Run lengths that count as copying. */
const ZH_RUN = 13;
const EN_RUN = 8;

/**
 * Traditional → simplified, character by character, for every traditional
 * character of seed 001 (pairs generated with OpenCC 1.1.6 `opencc -c t2s.json`
 * on the distinct characters of 001_b2e8848fa4dffbbf.txt).
 */
const T2S_PAIRS =
  '來来個个們们倫伦偉伟備备傳传傾倾僅仅價价優优儲储內内兩两凱凯別别則则創创劃划劉刘動动務务勞劳勢势勵励區区協协卻却參参員员問问單单國国圍围堅坚報报場场塊块壓压壘垒壯壮夠够嬌娇孫孙學学孿孪實实將将專专對对導导層层崗岗帥帅帶带庫库廣广張张強强彈弹徑径從从復复徹彻態态慣惯應应戰战戶户掛挂揮挥搶抢撐撑擇择擊击據据擬拟擴扩數数斷断時时暢畅曉晓會会桿杆條条業业極极構构標标樣样機机橫横檻槛權权決决沖冲況况減减測测準准滲渗潔洁潛潜濟济為为無无營营爭争牽牵獻献現现環环產产異异當当疇畴發发盡尽監监確确礎础礙碍稅税種种稱称積积穩稳競竞節节納纳級级細细組组結结絡络給给統统綁绑經经綜综綠绿維维網网緊紧線线緣缘編编練练縛缚縮缩縱纵總总績绩織织繞绕繼继續续義义習习聯联職职脅胁臨临臺台與与興兴蓋盖藝艺蘊蕴蘭兰處处虛虚術术補补見见規规視视觀观計计記记設设許许試试認认語语說说調调請请諧谐證证識识變变讓让豐丰財财責责買买費费貼贴資资賦赋質质購购趨趋踐践躍跃較较載载輔辅輪轮輯辑輸输轉转這这連连進进運运過过遠远適适選选還还邊边邏逻鄉乡針针鈺钰銷销錯错鍵键鏈链長长門门閉闭開开間间闊阔關关階阶際际隨随險险隱隐雖虽離离難难靈灵鞏巩響响頂顶項项須须預预領领頭头題题顏颜顛颠類类顯显風风飛飞養养饋馈驅驱驗验體体點点龍龙龐庞';
const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) T2S.set(T2S_PAIRS[i]!, T2S_PAIRS[i + 1]!);

/** Chinese text as the comparison sees it: NFKC, simplified characters, no whitespace, punctuation unified to '、'. */
function normaliseZh(s: string): string {
  return [...s.normalize('NFKC')]
    .map((c) => T2S.get(c) ?? c)
    .join('')
    .replace(/\s+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '、');
}

/** The two views of a normalised text that are compared: with unified punctuation and without punctuation. */
function viewsZh(s: string): string[] {
  const n = normaliseZh(s);
  return [n, n.replace(/、/g, '')];
}

/** English text as lowercase words (letters and digits; apostrophes dropped). */
function wordsEn(s: string): string[] {
  return (
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Quoted spans (names, terms, slogans, enumerations) that are exempt from the check. */
const QUOTED = /「[^」]*」|“[^”]*”|‘[^’]*’|"[^"]*"/g;
/** Stray quotation marks left after the balanced spans are cut out. */
const STRAY_QUOTE = /[「」“”‘"]|’(?![a-z])/;

/** The parts of a description outside quoted spans, and the quoted spans' contents. */
function splitQuoted(s: string): { outside: string[]; quoted: string[] } {
  return {
    outside: s.split(QUOTED),
    quoted: (s.match(QUOTED) ?? []).map((q) => q.slice(1, -1)),
  };
}

/**
 * Why a quoted span is not a name / term / enumeration, or undefined when it is
 * one: no sentence punctuation; items (split at 、 / , and "and" / "or") of at
 * most 12 characters (Chinese) or 5 words (English); at most 8 items.
 */
function quoteProblem(q: string): string | undefined {
  if (q.trim() === '') return 'empty quotation';
  if (/[\u4e00-\u9fff]/.test(q)) {
    if (/[，。；：！？,.;:!?]/.test(q)) return 'sentence punctuation inside a quotation';
    const items = q.split(/[、/／·]/);
    if (items.length > 8) return 'more than 8 items';
    const long = items.find((it) => viewsZh(it)[1]!.length > 12);
    if (long !== undefined) return `item longer than 12 characters: ${long}`;
    return undefined;
  }
  if (/[.;:!?]/.test(q)) return 'sentence punctuation inside a quotation';
  const items = q.split(/,|\/|\band\b|\bor\b/);
  if (items.length > 8) return 'more than 8 items';
  const long = items.find((it) => wordsEn(it).length > 5);
  if (long !== undefined) return `item longer than 5 words: ${long}`;
  return undefined;
}

/** All runs of `n` characters of a string. */
function charRuns(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

const seedFiles = Object.values(SEED_FILES);

/** Per seed file: every run of ZH_RUN characters of its normalised text. */
const zhRuns = new Map<string, Set<string>>(
  seedFiles.map((f) => [f, new Set(viewsZh(seedText(f)).flatMap((v) => charRuns(v, ZH_RUN)))]),
);

/**
 * The English parts of all seed files: stretches of ASCII text between
 * non-ASCII characters, each reduced to its letters and digits, joined by '|'.
 */
const enText = seedFiles
  .flatMap((f) =>
    seedText(f)
      .normalize('NFKC')
      .split(/[^\x00-\x7f]+/),
  )
  .map((seg) => seg.toLowerCase().replace(/[^a-z0-9]/g, ''))
  .filter((seg) => seg.length > 0)
  .join('|');

/** Copied Chinese runs of a Chinese text compared with the given seed files: "seed file: run". */
function copiedZhText(text: string, files: readonly string[]): string[] {
  const found = new Set<string>();
  for (const part of splitQuoted(text).outside) {
    for (const run of viewsZh(part).flatMap((v) => charRuns(v, ZH_RUN))) {
      for (const f of files) if (zhRuns.get(f)?.has(run)) found.add(`${f}: ${run}`);
    }
  }
  return [...found];
}

/** Copied English runs of an English text (the run of words). */
function copiedEnText(text: string): string[] {
  const found = new Set<string>();
  for (const part of splitQuoted(text).outside) {
    const w = wordsEn(part);
    for (let i = 0; i + EN_RUN <= w.length; i++) {
      const run = w.slice(i, i + EN_RUN);
      if (enText.includes(run.join(''))) found.add(run.join(' '));
    }
  }
  return [...found];
}

/** Copied Chinese runs of a node's description: "seed file: run". */
function copiedZh(n: FrameworkNode): string[] {
  return copiedZhText(n.description.zh, [...new Set(n.cite.map((c) => c.seed))]);
}

/** Copied English runs of a node's description (the run of words). */
function copiedEn(n: FrameworkNode): string[] {
  return copiedEnText(n.description.en);
}

/** Problems with the quotations of a bilingual text, each prefixed by `label`. */
function quoteProblems(label: string, texts: Bilingual): string[] {
  const problems: string[] = [];
  for (const text of [texts.zh, texts.en]) {
    const { outside, quoted } = splitQuoted(text);
    if (outside.some((o) => STRAY_QUOTE.test(o))) problems.push(`${label} — unbalanced quotation marks: ${text}`);
    for (const q of quoted) {
      const p = quoteProblem(q);
      if (p) problems.push(`${label} — “${q}”: ${p}`);
    }
  }
  return problems;
}

const model = loadFramework();
const nodeById = new Map(model.nodes.map((n) => [n.id, n]));

/**
 * The seed files a relation note is compared with: those the relation cites,
 * or, when it cites none, those its source and target nodes cite.
 */
function relationFiles(r: FrameworkRelation): string[] {
  const cites = r.cite && r.cite.length > 0 ? r.cite : [r.from, r.to].flatMap((id) => nodeById.get(id)?.cite ?? []);
  return [...new Set(cites.map((c) => c.seed))];
}

/** A relation as a label: "from —type→ to". */
const relLabel = (r: FrameworkRelation) => `${r.from} —${r.type}→ ${r.to}`;
const partOf = (id: string) => /^s(\d{3})\./.exec(id)?.[1] ?? (id.startsWith('seed.') ? id.slice(5) : 'common');
const groups = ['common', ...Object.keys(SEED_FILES)];

describe.runIf(HAVE_SEEDS)('own words: node descriptions do not copy the papers', () => {
  it('finds all five seed files and reads their English parts', () => {
    for (const f of seedFiles) expect(zhRuns.get(f)!.size, f).toBeGreaterThan(1000);
    expect(enText.length).toBeGreaterThan(2000);
  });

  it('detects copies after normalising (sanity check of the rule itself)', () => {
    // A sentence of seed 001, in simplified script with full-width punctuation, is caught.
    const probe = {
      id: 'probe',
      kind: 'system',
      name: { zh: '探', en: 'probe' },
      cite: [{ seed: SEED_FILES['001'], section: '' }],
      description: {
        zh: '数字新质生产力是当代社会发展进程中生产力的高阶形态。',
        en: 'the driving force of digital new quality productivity for industrial innovation',
      },
    } as FrameworkNode;
    expect(copiedZh(probe).length).toBeGreaterThan(0);
    expect(copiedEn(probe).length).toBeGreaterThan(0);
    // Quoted, it is exempt from the copy check but fails as a quotation (sentence punctuation).
    const quoted = {
      ...probe,
      description: { zh: '“数字新质生产力是当代社会发展进程中生产力的高阶形态。”', en: 'probe' },
    } as FrameworkNode;
    expect(copiedZh(quoted)).toEqual([]);
    expect(quoteProblem(splitQuoted(quoted.description.zh).quoted[0]!)).toBeDefined();
    expect(quoteProblem('以质育新、以新促质')).toBeUndefined();
  });

  for (const g of groups) {
    const nodes = model.nodes.filter((n) => partOf(n.id) === g);
    describe(g === 'common' ? 'shared concepts' : `seed ${g}`, () => {
      it('has nodes', () => expect(nodes.length).toBeGreaterThan(0));

      it(`shares no run of ${ZH_RUN} characters of a Chinese description with a cited seed`, () => {
        const copies = nodes.flatMap((n) => copiedZh(n).map((c) => `${n.id} — ${c}`));
        expect(copies).toEqual([]);
      });

      it(`shares no run of ${EN_RUN} words of an English description with the seeds' English parts`, () => {
        const copies = nodes.flatMap((n) => copiedEn(n).map((c) => `${n.id} — ${c}`));
        expect(copies).toEqual([]);
      });

      it('quotes only names, terms, slogans and enumerations', () => {
        const problems = nodes.flatMap((n) => quoteProblems(n.id, n.description));
        expect(problems).toEqual([]);
      });
    });
  }
});

describe.runIf(HAVE_SEEDS)('own words: relation notes do not copy the papers', () => {
  it('resolves the seed files of every noted relation', () => {
    for (const r of model.relations) if (r.note) expect(relationFiles(r).length, relLabel(r)).toBeGreaterThan(0);
  });

  for (const { id, part } of FRAMEWORK_PARTS) {
    const noted = part.relations.filter((r): r is FrameworkRelation & { note: Bilingual } => r.note !== undefined);
    describe(id === 'common' ? 'shared concepts' : `seed ${id.slice(5)}`, () => {
      it(`shares no run of ${ZH_RUN} characters of a Chinese note with a seed the relation draws on`, () => {
        const copies = noted.flatMap((r) =>
          copiedZhText(r.note.zh, relationFiles(r)).map((c) => `${relLabel(r)} — ${c}`),
        );
        expect(copies).toEqual([]);
      });

      it(`shares no run of ${EN_RUN} words of an English note with the seeds' English parts`, () => {
        const copies = noted.flatMap((r) => copiedEnText(r.note.en).map((c) => `${relLabel(r)} — ${c}`));
        expect(copies).toEqual([]);
      });

      it('quotes only names, terms, slogans and enumerations', () => {
        const problems = noted.flatMap((r) => quoteProblems(relLabel(r), r.note));
        expect(problems).toEqual([]);
      });
    });
  }
});
