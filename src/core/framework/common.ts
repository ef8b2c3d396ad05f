/**
 * Shared concepts of the framework: the nodes that several papers speak of
 * (NQPF, its three factors, data as a factor, talent, the digital divide, the
 * levels and forms, the drivers) and one `seed` node per paper. Seed modules
 * link to these ids instead of defining their own copies.
 *
 * Helpers `cite`, `node` and `rel` are exported for the seed modules.
 */
import type { Citation, FrameworkNode, FrameworkPart, FrameworkRelation, NodeKind, RelationType } from './types.ts';
import type { Bilingual } from '../i18n.ts';

/** The five seed files, by their three-digit number. */
export const SEED_FILES = {
  '000': '000_bdc2d3c482bae5da.txt',
  '001': '001_b2e8848fa4dffbbf.txt',
  '002': '002_1b80637edcf42709.txt',
  '003': '003_3f6d6f34627a8da3.txt',
  '004': '004_f7999bb7b0f224ed.txt',
} as const;
export type SeedNo = keyof typeof SEED_FILES;

/** Citation of a section heading (verbatim as it occurs in the seed file). */
export function cite(seed: SeedNo, section: string): Citation {
  return { seed: SEED_FILES[seed], section };
}

/** Options of `node` beyond the required fields. */
export interface NodeExtras {
  facts?: Record<string, number | string>;
  order?: number;
  tags?: string[];
}

/** Build a node: id, kind, names [zh, en], descriptions [zh, en], citations. */
export function node(
  id: string,
  kind: NodeKind,
  name: [string, string],
  description: [string, string],
  cites: Citation[],
  extras: NodeExtras = {},
): FrameworkNode {
  const n: FrameworkNode = {
    id,
    kind,
    name: { zh: name[0], en: name[1] },
    description: { zh: description[0], en: description[1] },
    cite: cites,
  };
  if (extras.facts) n.facts = extras.facts;
  if (extras.order !== undefined) n.order = extras.order;
  if (extras.tags) n.tags = extras.tags;
  return n;
}

/** Build a relation, optionally with a bilingual note [zh, en] and citations. */
export function rel(
  from: string,
  type: RelationType,
  to: string,
  note?: [string, string],
  cites?: Citation[],
): FrameworkRelation {
  const r: FrameworkRelation = { from, to, type };
  if (note) r.note = { zh: note[0], en: note[1] } as Bilingual;
  if (cites) r.cite = cites;
  return r;
}

/** Id of the root node: the whole system the five papers describe. */
export const ROOT_ID = 'system';

const nodes: FrameworkNode[] = [
  node(
    ROOT_ID,
    'system',
    ['数字化赋能新质生产力体系', 'Digital empowerment of new quality productive forces'],
    [
      '五篇来源文献共同刻画的体系：数字化、数字经济与人工智能如何推动新质生产力在员工、企业、产业和宏观层面形成。',
      'The system the five source papers describe together: how digitalisation, the digital economy and AI bring about new quality productive forces at employee, firm, industry and macro level.',
    ],
    [
      cite('000', '数字化赋能企业新质生产力的机制研究'),
      cite('002', '二、数字经济加速新质生产力生成的内在逻辑'),
      cite('003', '二、新质生产力和人工智能技术应用的特征'),
      cite('004', '3. 数字经济赋能新质生产力发展的理论逻辑'),
      cite('001', '二、數字新質生產力驅動產業創新升級的邏輯機制'),
    ],
  ),

  // ---- NQPF and its constituents -------------------------------------------------
  node(
    'nqpf',
    'system',
    ['新质生产力', 'New quality productive forces (NQPF)'],
    [
      '一种先进的生产力形态，源于技术的革命性突破、要素的创新性配置与产业的深度转型；实质是“劳动者、劳动资料、劳动对象”及其组合方式的整体跃升，标志是全要素生产率显著提高。',
      'An advanced form of productive forces arising from revolutionary technological breakthroughs, innovative allocation of factors and deep industrial change; at its core the labourer, the means and the object of labour, and the way they are combined, all move up a level, and its mark is a much higher total factor productivity.',
    ],
    [
      cite('000', '(一)新质生产力'),
      cite('003', '(一)新质生产力与传统生产力的比较分析'),
      cite('004', '2. 新质生产力的发展和内涵'),
      cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐'),
    ],
  ),
  node(
    'tfp',
    'system',
    ['全要素生产率大幅提升', 'Large rise in total factor productivity'],
    [
      '新质生产力的核心标志：增长不再靠要素投入和规模扩张的累加，而来自效率与质量的提升。',
      'The hallmark of NQPF: growth that comes from efficiency and quality gains rather than from piling up factor inputs and scale.',
    ],
    [cite('000', '(一)新质生产力'), cite('004', '1. 引言')],
  ),
  node(
    'factor.laborer',
    'factor',
    ['新型劳动者', 'New-type labourers'],
    [
      '掌握数字技能、具备创新与适应能力的劳动者，是新质生产力中最活跃的要素。',
      'Workers with digital skills and the capacity to innovate and adapt; the most active factor of NQPF.',
    ],
    [
      cite('000', '(一)新质生产力'),
      cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐'),
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
      cite('004', '2. 新质生产力的发展和内涵'),
    ],
    { order: 1 },
  ),
  node(
    'factor.means',
    'factor',
    ['新型劳动资料', 'New-type means of labour'],
    [
      '以数字技术、智能设备、算力和算法为代表的劳动工具与设施（种子 001 称“劳动工具”）。',
      'Tools and facilities of labour embodied in digital technology, intelligent equipment, computing power and algorithms (seed 001 calls them "tools of labour").',
    ],
    [
      cite('000', '(一)新质生产力'),
      cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐'),
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
      cite('004', '2. 新质生产力的发展和内涵'),
    ],
    { order: 2 },
  ),
  node(
    'factor.object',
    'factor',
    ['新型劳动对象', 'New-type objects of labour'],
    [
      '劳动作用的对象扩展到数据、新材料、新能源等，其中数据是最具代表性的新型劳动对象。',
      'What labour works on widens to data, new materials and new energy; data is the most typical new object of labour.',
    ],
    [
      cite('000', '(一)新质生产力'),
      cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐'),
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
      cite('004', '2. 新质生产力的发展和内涵'),
    ],
    { order: 3 },
  ),
  node(
    'factor.combination',
    'mechanism',
    ['要素优化组合的跃升', 'Leap of the optimised factor combination'],
    [
      '三要素不是各自升级，而是在数字技术作用下重新组合、协同跃升，形成新的生产力系统。',
      'The three factors do not upgrade in isolation: under digital technology they are recombined and rise together into a new productive system.',
    ],
    [
      cite('000', '(二)理论贡献'),
      cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐'),
      cite('004', '2. 新质生产力的发展和内涵'),
    ],
    { order: 4 },
  ),
  node(
    'factor.data',
    'factor',
    ['数据要素', 'Data as a factor of production'],
    [
      '数据作为新的核心生产要素，与传统要素融合并放大其效能；既是新型劳动对象，也是创新的起点。',
      'Data as a new core factor of production that fuses with and multiplies traditional factors; both a new object of labour and the starting point of innovation.',
    ],
    [
      cite('000', '(一)赋能路径:提质增效'),
      cite('001', '(一)數字新質生產力為產業創新升級提供要素支撐'),
      cite('002', '(一)技术创新:数字基础设施为新质生产力生成提供底层支撑'),
    ],
    { order: 5 },
  ),
  node(
    'feature.quality',
    'outcome-feature',
    ['“质”', 'The "quality" of NQPF'],
    [
      '新质生产力的价值内核：效率、质量与协同水平的跃升；在种子 000 中具体表现为高效率、高柔性、高协同。',
      'The value core of NQPF: a leap in efficiency, quality and coordination; in seed 000 it shows as high efficiency, high flexibility and high collaboration.',
    ],
    [
      cite('000', '(二)数字化与企业新质生产力'),
      cite('000', '(二)理论贡献'),
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
    ],
  ),
  node(
    'feature.new',
    'outcome-feature',
    ['“新”', 'The "new" of NQPF'],
    [
      '新质生产力的形态特征：新技术、新业态、新模式等前所未有的生产方式与价值创造方式。',
      'The formal mark of NQPF: unprecedented ways of producing and creating value, named “new technologies, new business forms, new models”.',
    ],
    [
      cite('000', '(二)数字化与企业新质生产力'),
      cite('000', '(二)理论贡献'),
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
    ],
  ),

  // ---- Forms (seed 003, Table 1) -----------------------------------------------
  node(
    'form.tech',
    'form',
    ['科技', 'Technological'],
    [
      '新质生产力的科技表现形式：以科技创新和技术突破体现的生产力。',
      'The technological form of NQPF: productive forces expressed through scientific innovation and technology breakthroughs.',
    ],
    [cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式')],
    { order: 1 },
  ),
  node(
    'form.green',
    'form',
    ['绿色', 'Green'],
    [
      '新质生产力的绿色表现形式：低碳、节能与资源循环利用。',
      'The green form of NQPF: low carbon, energy saving and circular use of resources.',
    ],
    [
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
      cite('001', '(四)以綠色低碳和可持續發展為導向,重構產業價值創造邏輯'),
    ],
    { order: 2 },
  ),
  node(
    'form.digital',
    'form',
    ['数字', 'Digital'],
    [
      '新质生产力的数字表现形式：数据、数字技术和数字平台贯穿生产全过程。',
      'The digital form of NQPF: data, digital technology and digital platforms running through all of production.',
    ],
    [
      cite('003', '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式'),
      cite('001', '一、數字新質生產力驅動產業創新升級的特征'),
    ],
    { order: 3 },
  ),

  // ---- Levels -------------------------------------------------------------------
  node(
    'level.employee',
    'level',
    ['员工层面', 'Employee level'],
    ['个体劳动者层面的新质生产力（种子 003 的“点”）。', 'NQPF of individual workers (the "point" of seed 003).'],
    [cite('003', '(一)员工层面人工智能促进新质生产力涌现的路径和机制')],
    { order: 1, tags: ['employee'] },
  ),
  node(
    'level.firm',
    'level',
    ['企业层面', 'Firm level'],
    [
      '企业作为微观主体培育新质生产力的层面（种子 000、种子 003 的“线”）。',
      'The firm as the micro actor that cultivates NQPF (seed 000; the "line" of seed 003).',
    ],
    [cite('000', '(二)数字化与企业新质生产力'), cite('003', '(二)企业层面人工智能促进新质生产力涌现的路径和机制')],
    { order: 2, tags: ['firm'] },
  ),
  node(
    'level.industry',
    'level',
    ['产业层面', 'Industry level'],
    [
      '产业体系和产业生态层面的新质生产力（种子 001、种子 003 的“面”）。',
      'NQPF of industries and industrial ecosystems (seed 001; the "plane" of seed 003).',
    ],
    [
      cite('001', '(二)以數字技術的滲透式擴散為最主要的作用方式'),
      cite('003', '(三)产业层面人工智能促进新质生产力涌现的路径和机制'),
    ],
    { order: 3, tags: ['industry'] },
  ),
  node(
    'level.region',
    'level',
    ['宏观与区域层面', 'Macro and regional level'],
    [
      '国家、地区与整个社会再生产层面的新质生产力（种子 002、种子 004）。',
      'NQPF of the national economy, its regions and social reproduction as a whole (seeds 002, 004).',
    ],
    [cite('002', '二、数字经济加速新质生产力生成的内在逻辑'), cite('004', '3. 数字经济赋能新质生产力发展的理论逻辑')],
    { order: 4, tags: ['region'] },
  ),

  // ---- Drivers ------------------------------------------------------------------
  node(
    'digitalization',
    'system',
    ['数字化', 'Digitalisation'],
    [
      '以数据为核心要素、数字技术为驱动力，推动要素升级和管理模式变革的过程。',
      'The process, with data as its core factor and digital technology as its engine, that upgrades factors of production and changes management modes.',
    ],
    [cite('000', '(二)数字化与企业新质生产力')],
  ),
  node(
    'digital-economy',
    'system',
    ['数字经济', 'Digital economy'],
    [
      '以数字基础设施、数字技术和数据要素为基础的经济形态，为新质生产力提供平台和条件。',
      'The economy built on digital infrastructure, digital technology and data, which gives NQPF its platform and conditions.',
    ],
    [cite('002', '二、数字经济加速新质生产力生成的内在逻辑'), cite('004', '3. 数字经济赋能新质生产力发展的理论逻辑')],
  ),
  node(
    'ai',
    'system',
    ['人工智能', 'Artificial intelligence'],
    [
      '一种通用技术，其特征可概括为“数据驱动、算力支持、算法引领”；它是推动新质生产力涌现的主要力量之一。',
      'A general-purpose technology whose features are summed up as “data-driven, compute-supported, algorithm-led”; one of the main forces behind the emergence of NQPF.',
    ],
    [cite('003', '(三)人工智能技术应用的特征'), cite('001', '(三)強化數字技術賦能作用,重構產業創新升級的技術體系')],
  ),

  // ---- Cross-seed concepts ------------------------------------------------------
  node(
    'concept.digital-divide',
    'problem',
    ['数字鸿沟', 'Digital divide'],
    [
      '不同主体、行业和地区之间在数字资源、技术与基础设施获取上的差距，阻碍新质生产力均衡生成。',
      'Gaps between actors, industries and regions in access to digital resources, technology and infrastructure, which hold back a balanced emergence of NQPF.',
    ],
    [
      cite('002', '(二)数字鸿沟亟待弥合阻碍新质生产力生成'),
      cite('001', '(一)發揮政策協同整合作用,夯實產業創新升級的數字化基礎'),
    ],
  ),
  node(
    'concept.talent',
    'factor',
    ['人才（高素质与创新人才）', 'Talent (high-quality and innovative talent)'],
    [
      '具备数字技能和创新能力的高素质人才，是新型劳动者的核心；其供给、激励与匹配是各文献共同关注的约束。',
      'Highly skilled, innovative people with digital skills, the core of the new-type labourers; their supply, incentives and matching are a constraint all papers discuss.',
    ],
    [
      cite('002', '(三)高端创新人才不足影响新质生产力生成'),
      cite('004', '4.2. 培养高素质人才'),
      cite('001', '(二)構建柔性組織發展模式,形成適配數字新質生產力組織體系'),
      cite('000', '(三)赋能路径:创新突破'),
    ],
  ),
  node(
    'concept.key-technology',
    'factor',
    ['关键核心技术', 'Key core technologies'],
    [
      '决定产业与国家竞争力、易受“卡脖子”制约的关键技术，其自主突破是新质生产力“新”的来源。',
      'The technologies that decide industrial and national competitiveness and are exposed to chokepoints; breaking through them independently is a source of the "new" in NQPF.',
    ],
    [cite('000', '(三)赋能路径:创新突破'), cite('002', '(一)关键技术创新不足限制新质生产力生成')],
  ),

  // ---- Seeds --------------------------------------------------------------------
  node(
    'seed.000',
    'seed',
    ['数字化赋能企业新质生产力的机制研究', 'A study of the mechanism of digitalisation empowering firm NQPF'],
    [
      '企业层面的扎根理论研究：20 家数字化领先企业、31 名受访者，提炼出三条赋能路径、三种效应及其增强回路。',
      'A firm-level grounded-theory study of 20 digital-leader firms and 31 interviewees that derives three empowerment paths, three effects and the loop that links them.',
    ],
    [cite('000', '数字化赋能企业新质生产力的机制研究')],
    {
      facts: {
        authors: '孙永磊, 刘心雨, 宋晶, 陈劲',
        journal: '外国经济与管理',
        year: 2026,
        doi: '10.16538/j.cnki.fem.20250723.402',
      },
      order: 0,
      tags: ['firm'],
    },
  ),
  node(
    'seed.001',
    'seed',
    [
      '数字新质生产力视野下产业创新升级的实践路径',
      'Practice paths of industrial innovation and upgrading from the perspective of digital NQPF',
    ],
    [
      '产业层面的论述：在数字新质生产力带动下，产业创新与升级所呈现的三个特征、背后的四个逻辑机制和四条实践路径（原文为繁体）。',
      'An industry-level essay: three characteristics, four logic mechanisms and four practice paths by which digital NQPF drives industrial innovation and upgrading (written in traditional script).',
    ],
    [
      cite(
        '001',
        'Research on Pathways to Industrial Innovation and Upgrading from the Perspective of Digital New Quality Productive Forces',
      ),
    ],
    { facts: { authors: 'Hu Yan, Wu Danlei', affiliation: 'Anhui University' }, order: 1, tags: ['industry'] },
  ),
  node(
    'seed.002',
    'seed',
    [
      '数字经济加速新质生产力生成的内在逻辑与实现路径',
      'The inner logic and realisation paths of the digital economy accelerating NQPF',
    ],
    [
      '宏观层面的论述：数字经济三大构成作用于社会再生产四环节，四类问题及四条实现路径。',
      'A macro-level essay: three components of the digital economy acting on the four links of social reproduction, four problems and four realisation paths.',
    ],
    [cite('002', '数字经济加速新质生产力生成的 内在逻辑与实现路径')],
    { facts: { authors: '张夏恒', journal: '西南大学学报', year: 2024 }, order: 2, tags: ['region'] },
  ),
  node(
    'seed.003',
    'seed',
    ['人工智能促进新质生产力涌现的路径和机制', 'Paths and mechanisms of AI in the emergence of NQPF'],
    [
      '分员工、企业、产业三层，分析人工智能经由哪些路径与机制催生新质生产力，并给出短期、中期、长期政策建议。',
      'Paths and mechanisms by which AI brings about NQPF at employee, firm and industry level, with short-, medium- and long-term policies.',
    ],
    [cite('003', '摘　 要')],
    { order: 3, tags: ['employee', 'firm', 'industry'] },
  ),
  node(
    'seed.004',
    'seed',
    [
      '数字经济赋能新质生产力发展的理论逻辑与实践路径',
      'Theoretical logic and practice paths of the digital economy empowering NQPF',
    ],
    [
      '论述数字经济为何与新质生产力相契合、后者目前受到哪些约束，并提出三条实践路径：“发展数字技术、培养高素质人才、构建数字赋能系统思维”。',
      'Why the digital economy fits NQPF, which constraints NQPF now faces, and three practice paths: “develop digital technology, cultivate high-quality talent, build digital-empowerment system thinking”.',
    ],
    [cite('004', '摘  要')],
    { order: 4, tags: ['region'] },
  ),
];

const relations: FrameworkRelation[] = [
  // structure
  rel(ROOT_ID, 'contains', 'nqpf'),
  rel(ROOT_ID, 'contains', 'digitalization'),
  rel(ROOT_ID, 'contains', 'digital-economy'),
  rel(ROOT_ID, 'contains', 'ai'),
  rel(ROOT_ID, 'contains', 'level.employee'),
  rel(ROOT_ID, 'contains', 'level.firm'),
  rel(ROOT_ID, 'contains', 'level.industry'),
  rel(ROOT_ID, 'contains', 'level.region'),
  rel(ROOT_ID, 'contains', 'concept.digital-divide'),
  rel(ROOT_ID, 'contains', 'concept.key-technology'),
  ...(['000', '001', '002', '003', '004'] as const).map((s) => rel(ROOT_ID, 'contains', `seed.${s}`)),
  rel('nqpf', 'contains', 'factor.laborer'),
  rel('nqpf', 'contains', 'factor.means'),
  rel('nqpf', 'contains', 'factor.object'),
  rel('nqpf', 'contains', 'factor.combination'),
  rel('nqpf', 'contains', 'factor.data'),
  rel('nqpf', 'contains', 'tfp'),
  rel('nqpf', 'contains', 'feature.quality'),
  rel('nqpf', 'contains', 'feature.new'),
  rel('nqpf', 'contains', 'form.tech'),
  rel('nqpf', 'contains', 'form.green'),
  rel('nqpf', 'contains', 'form.digital'),
  rel('factor.laborer', 'contains', 'concept.talent'),
  // links
  rel(
    'factor.data',
    'related-to',
    'factor.object',
    ['数据是最具代表性的新型劳动对象', 'data is the most typical new object of labour'],
    [cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐')],
  ),
  rel('factor.combination', 'acts-on', 'factor.laborer'),
  rel('factor.combination', 'acts-on', 'factor.means'),
  rel('factor.combination', 'acts-on', 'factor.object'),
  rel(
    'factor.combination',
    'drives',
    'tfp',
    [
      '要素优化组合的跃升带来全要素生产率大幅提升',
      'the leap of the factor combination lifts total factor productivity',
    ],
    [cite('004', '1. 引言')],
  ),
  rel(
    'digitalization',
    'drives',
    'nqpf',
    ['数字化是培育企业新质生产力的重要抓手', 'digitalisation is a main lever for cultivating NQPF'],
    [cite('000', '一、引言')],
  ),
  rel(
    'digital-economy',
    'drives',
    'nqpf',
    ['数字经济让新质生产力更快形成', 'the digital economy speeds up the emergence of NQPF'],
    [cite('002', '二、数字经济加速新质生产力生成的内在逻辑')],
  ),
  rel(
    'ai',
    'drives',
    'nqpf',
    ['人工智能的应用催生新质生产力', 'AI fosters the emergence of NQPF'],
    [cite('003', '(三)人工智能技术应用的特征')],
  ),
  rel(
    'concept.digital-divide',
    'hinders',
    'nqpf',
    ['数字鸿沟阻碍新质生产力均衡生成', 'the digital divide holds back a balanced emergence of NQPF'],
    [cite('002', '(二)数字鸿沟亟待弥合阻碍新质生产力生成')],
  ),
  rel(
    'concept.key-technology',
    'drives',
    'feature.new',
    ['关键技术突破是“新”的来源', 'breakthroughs in key technologies are a source of the "new"'],
    [cite('000', '(三)赋能路径:创新突破')],
  ),
  rel(
    'concept.talent',
    'drives',
    'nqpf',
    ['高素质人才是新质生产力的关键支撑', 'highly skilled talent is a key support of NQPF'],
    [cite('004', '4.2. 培养高素质人才')],
  ),
];

/** The shared part of the framework: root, NQPF and its constituents, levels, forms, drivers, cross-seed concepts and seed nodes. */
export const common: FrameworkPart = { nodes, relations };
