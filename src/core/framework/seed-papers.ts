/**
 * The five seed papers as references (authors, title, venue, year where the
 * paper states them), so a citation reads "孙永磊等（2026）《…》，表 3" rather
 * than a file name. Facts from the papers' title pages.
 *
 * @example citationText({ seed: '000_bdc2d3c482bae5da.txt', section: '表 3 主轴式编码' }, 'zh')
 */
import type { Lang } from '../i18n.ts';
import type { Citation } from './types.ts';

export interface SeedPaper {
  /** Three-digit number that starts the seed's file name. */
  id: string;
  authors: string[];
  title: string;
  venue?: string;
  year?: number;
}

export const SEED_PAPERS: SeedPaper[] = [
  {
    id: '000',
    authors: ['孙永磊', '刘心雨', '宋晶', '陈劲'],
    title: '数字化赋能企业新质生产力的机制研究',
    venue: '外国经济与管理',
    year: 2026,
  },
  { id: '001', authors: ['Hu Yan', 'Wu Danlei'], title: '数字新质生产力视野下产业创新升级的实践路径' },
  {
    id: '002',
    authors: ['张夏恒'],
    title: '数字经济加速新质生产力生成的内在逻辑与实现路径',
    venue: '西南大学学报',
    year: 2024,
  },
  { id: '003', authors: [], title: '人工智能促进新质生产力涌现的路径与机制（员工、企业与产业层面）' },
  { id: '004', authors: [], title: '数字经济赋能新质生产力发展的理论逻辑与实践路径', venue: 'Hans' },
];

/** The paper a citation's seed file belongs to ("000_….txt" or "000"). */
export function seedPaper(seed: string): SeedPaper | undefined {
  return SEED_PAPERS.find((p) => seed.startsWith(p.id));
}

/** A citation as a reader expects it: authors (year), title, section. */
export function citationText(c: Citation, lang: Lang): string {
  const p = seedPaper(c.seed);
  if (!p) return `${c.seed} § ${c.section}`;
  const who = p.authors.length
    ? p.authors.length > 2
      ? `${p.authors[0]}${lang === 'zh' ? '等' : ' et al.'}`
      : p.authors.join(lang === 'zh' ? '、' : ' & ')
    : '';
  const year = p.year ? (lang === 'zh' ? `（${p.year}）` : ` (${p.year})`) : '';
  const title = lang === 'zh' ? `《${p.title}》` : `“${p.title}”`;
  const sep = lang === 'zh' ? '，' : ', ';
  return `${who}${year}${who || year ? (lang === 'zh' ? '' : ' ') : ''}${title}${sep}${c.section}`;
}
