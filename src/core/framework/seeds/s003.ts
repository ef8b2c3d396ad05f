/**
 * Seed 003 — AI and the emergence of NQPF at employee, enterprise and industry level.
 *
 * Table 1 (3 levels × 3 factors, and the 科技 / 绿色 / 数字 forms per level);
 * AI's features (数据驱动, 算力支持, 算法引领) and its double-edged effects;
 * per level a path and a mechanism family — employee: 自动化-增强 path (4
 * augmentation dimensions) and capability mechanisms (整合, 学习, 重构);
 * enterprise: 5 functional paths and resource mechanisms (结构化, 重组, 利用);
 * industry: the four chains and synergy mechanisms (互补式替代, 溢出融合,
 * 技术创新, 生态协同); short / medium / long-term policies and the quantities
 * each says to track.
 */
import type { FrameworkNode, FrameworkPart, FrameworkRelation } from '../types.ts';
import { cite, node, rel } from '../common.ts';

/** Section headings of seed 003, verbatim (the file has no markdown markers). */
const H = {
  features: '二、新质生产力和人工智能技术应用的特征',
  comparison: '(一)新质生产力与传统生产力的比较分析',
  levels: '(二)新质生产力在员工、企业和产业层面的要素特征和表现形式',
  table1: '表 1\u3000 员工、企业和产业层面新质生产力的要素特征和表现形式',
  ai: '(三)人工智能技术应用的特征',
  paths: '三、员工、企业和产业层面人工智能促进新质生产力涌现的路径和机制',
  employee: '(一)员工层面人工智能促进新质生产力涌现的路径和机制',
  employeePath: '1. 人工智能促进员工新质生产力涌现路径:',
  employeePathName: '“自动化-增强”路径',
  employeeMech: '2. 人工智能促进员工新质生产力涌现机制:',
  employeeMechName: '能力机制',
  firm: '(二)企业层面人工智能促进新质生产力涌现的路径和机制',
  firmPath: '1. 人工智能促进企业新质生产力涌现路径:',
  firmPathName: '职能路径',
  firmMech: '2. 人工智能促进企业新质生产力涌现机制:',
  firmMechName: '资源机制',
  industry: '(三)产业层面人工智能促进新质生产力涌现的路径和机制',
  industryPath: '1. 人工智能促进产业新质生产力涌现路径:',
  industryPathName: '“四链”路径',
  industryMech: '2. 人工智能促进产业新质生产力涌现机制:',
  industryMechName: '协同机制',
  policy: '四、人工智能促进制造业新质生产力涌现的政策协同',
  short: '(一)短期政策与战略',
  medium: '(二)中期政策与战略',
  long: '(三)长期政策与战略',
  conclusion: '(一)主要研究结论',
} as const;

const c = (...sections: string[]) => sections.map((s) => cite('003', s));

const nodes: FrameworkNode[] = [];
const relations: FrameworkRelation[] = [];
const add = (...n: FrameworkNode[]) => {
  nodes.push(...n);
};
const link = (...r: FrameworkRelation[]) => {
  relations.push(...r);
};

type Lv = 'employee' | 'firm' | 'industry';
const LEVEL_ID: Record<Lv, string> = { employee: 'level.employee', firm: 'level.firm', industry: 'level.industry' };

// ---------------------------------------------------------------------------
// NQPF versus traditional productive forces
// ---------------------------------------------------------------------------
add(
  node(
    's003.comparison',
    'characteristic',
    ['新质生产力与传统生产力的比较', 'NQPF compared with traditional productive forces'],
    [
      '论文从生产要素、生产过程和产出效果三方面对比两种生产力，指出科技创新（尤其人工智能）是差异的根源。',
      'The paper contrasts the two in factors, process and output, tracing the difference to scientific and technological innovation, AI above all.',
    ],
    c(H.comparison),
  ),
  node(
    's003.comparison.factors',
    'characteristic',
    ['生产要素之变', 'Change in the factors of production'],
    [
      '劳动者由技能型转向数字型，劳动资料转向信息技术与智能设施，劳动对象扩展到数字产品和数据等非物质资产。',
      'Labourers shift from manual skill to digital skill, means of labour to IT and intelligent systems, and objects of labour extend to digital products, data and other intangible assets.',
    ],
    c(H.comparison),
    { order: 1 },
  ),
  node(
    's003.comparison.process',
    'characteristic',
    ['生产过程之变', 'Change in the production process'],
    [
      '由单向线性、依赖人工的流程转向要素实时互联、智能调度并能动态适应的过程。',
      'From one-way, linear, labour-dependent flows to a process with real-time connected factors, intelligent scheduling and dynamic adaptation.',
    ],
    c(H.comparison),
    { order: 2 },
  ),
  node(
    's003.comparison.output',
    'characteristic',
    ['产出效果之变', 'Change in output'],
    [
      '由标准化、大批量且污染较重的产品，转向按需定制、智能且绿色的高附加值产品与服务，并带动新兴产业。',
      'From standardised, mass-produced, polluting goods to customised, smart, green high-value products and services, giving rise to new industries.',
    ],
    c(H.comparison),
    { order: 3 },
  ),
);
link(
  rel('seed.003', 'contains', 's003.comparison'),
  rel('s003.comparison', 'related-to', 'nqpf'),
  rel('s003.comparison', 'contains', 's003.comparison.factors'),
  rel('s003.comparison', 'contains', 's003.comparison.process'),
  rel('s003.comparison', 'contains', 's003.comparison.output'),
  rel('s003.comparison.factors', 'related-to', 'factor.combination'),
);

// ---------------------------------------------------------------------------
// Table 1: factor features (3 levels × 3 factors) and forms (科技 / 绿色 / 数字)
// ---------------------------------------------------------------------------
add(
  node(
    's003.table1',
    'characteristic',
    [
      '员工、企业和产业层面新质生产力的要素特征和表现形式',
      'Factor features and forms of NQPF at employee, enterprise and industry level',
    ],
    [
      '表1按员工、企业、产业三个层面，列出三类新型要素的具体所指以及科技、绿色、数字三种表现形式。',
      'Table 1 states, for each of the employee, enterprise and industry levels, what the three new-type factors are and how NQPF shows in technological, green and digital form.',
    ],
    c(H.table1, H.levels),
    { facts: { levels: 3, factors: 3, forms: 3, factor_cells: 9, form_cells: 9 } },
  ),
);
link(rel('seed.003', 'contains', 's003.table1'), rel('s003.table1', 'related-to', 'nqpf'));

interface Cell {
  zh: string;
  en: string;
  dzh: string;
  den: string;
}
interface Row {
  level: Lv;
  order: number;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  laborer: Cell;
  means: Cell;
  object: Cell;
  tech: Cell;
  green: Cell;
  digital: Cell;
}
const ROWS: Row[] = [
  {
    level: 'employee',
    order: 1,
    zh: '员工新质生产力',
    en: 'Employee-level NQPF',
    dzh: '个体员工层面的新质生产力，是人工智能释放变革力量的“点”。',
    den: 'NQPF in the individual employee: the "point" where AI first releases its transforming force.',
    laborer: {
      zh: '员工层面的新型劳动者',
      en: 'New-type labourers (employee)',
      dzh: '善用数字工具的各类专业人员，论文举例“工人、销售人员、数据分析师、业务分析师”。',
      den: "Professionals of all kinds who are good with digital tools; the paper's examples are “workers, sales staff, data analysts, business analysts”.",
    },
    means: {
      zh: '员工层面的新型劳动资料',
      en: 'New-type means of labour (employee)',
      dzh: '传统资源、数据资源以及智能系统的软硬件。',
      den: 'Traditional resources, data resources and the hardware and software of intelligent systems.',
    },
    object: {
      zh: '员工层面的新型劳动对象',
      en: 'New-type objects of labour (employee)',
      dzh: '直接处理的实物产品，以及对零部件、半成品的精细化和智能化加工。',
      den: 'Physical products handled directly, plus fine and intelligent processing of parts and semi-finished goods.',
    },
    tech: {
      zh: '员工层面的科技形式',
      en: 'Technological form (employee)',
      dzh: '员工掌握并运用先进的科技知识和技能。',
      den: 'Employees command and apply advanced scientific and technical knowledge and skills.',
    },
    green: {
      zh: '员工层面的绿色形式',
      en: 'Green form (employee)',
      dzh: '员工有环保意识，按绿色规范工作并参与绿色实践。',
      den: 'Employees are environmentally aware, follow green work rules and join green practice.',
    },
    digital: {
      zh: '员工层面的数字形式',
      en: 'Digital form (employee)',
      dzh: '员工具备熟练使用数字工具和技能的数字素养。',
      den: 'Employees have the digital literacy to use digital tools and skills fluently.',
    },
  },
  {
    level: 'firm',
    order: 2,
    zh: '企业新质生产力',
    en: 'Enterprise-level NQPF',
    dzh: '企业组织层面的新质生产力，是人工智能作用的“线”。',
    den: 'NQPF in the enterprise: the "line" along which AI acts.',
    laborer: {
      zh: '企业层面的新型劳动者',
      en: 'New-type labourers (enterprise)',
      dzh: '员工之外，还包括借助数字工具进行决策与管理的各级领导者。',
      den: 'Besides employees, leaders at every level who use digital tools to decide and manage.',
    },
    means: {
      zh: '企业层面的新型劳动资料',
      en: 'New-type means of labour (enterprise)',
      dzh: '以人工智能算法、云计算、数据库和软件为支撑的“高精尖”设备，外加工具与原材料。',
      den: 'Advanced, precise, cutting-edge equipment built on software, databases, cloud computing and AI algorithms, plus tools and materials.',
    },
    object: {
      zh: '企业层面的新型劳动对象',
      en: 'New-type objects of labour (enterprise)',
      dzh: '实物产品与服务，以及数字产品、软件和数据信息等非物质资产。',
      den: 'Physical products and services as well as intangible assets such as digital products, software and data.',
    },
    tech: {
      zh: '企业层面的科技形式',
      en: 'Technological form (enterprise)',
      dzh: '企业持续研发，以高新技术产品和服务形成核心竞争力。',
      den: 'Sustained R&D that makes high-tech products and services the core of competitiveness.',
    },
    green: {
      zh: '企业层面的绿色形式',
      en: 'Green form (enterprise)',
      dzh: '企业推行绿色战略，开展绿色设计、制造和供应链管理，减少资源消耗与污染。',
      den: 'A green strategy with green design, manufacturing and supply-chain management that cuts resource use and pollution.',
    },
    digital: {
      zh: '企业层面的数字形式',
      en: 'Digital form (enterprise)',
      dzh: '生产、运营和服务各环节全面数字化。',
      den: 'Production, operations and services digitalised throughout.',
    },
  },
  {
    level: 'industry',
    order: 3,
    zh: '产业新质生产力',
    en: 'Industry-level NQPF',
    dzh: '产业生态层面的新质生产力，是人工智能作用铺开的“面”。',
    den: 'NQPF in the industrial ecosystem: the "plane" over which AI\'s effects spread.',
    laborer: {
      zh: '产业层面的新型劳动者',
      en: 'New-type labourers (industry)',
      dzh: '整个产业链上的高技能人才，如标准化专家和技术支持团队。',
      den: 'Highly skilled people along the whole industrial chain, such as standardisation experts and technical-support teams.',
    },
    means: {
      zh: '产业层面的新型劳动资料',
      en: 'New-type means of labour (industry)',
      dzh: '整条产业链可调用的资源，例如标准化的 AI 模型、全行业统一的数据共享平台以及企业间协同软件。',
      den: 'All resources along the chain, such as standardised AI models, a common industry data-sharing platform and cross-firm collaboration software.',
    },
    object: {
      zh: '产业层面的新型劳动对象',
      en: 'New-type objects of labour (industry)',
      dzh: '整个产业产出的全部有形和无形产品与服务。',
      den: 'All tangible and intangible products and services the industry produces.',
    },
    tech: {
      zh: '产业层面的科技形式',
      en: 'Technological form (industry)',
      dzh: '产业整体科技水平提高、结构升级，上下游协同创新加强。',
      den: 'A higher overall technology level, an upgraded structure and stronger joint innovation up and down the chain.',
    },
    green: {
      zh: '产业层面的绿色形式',
      en: 'Green form (industry)',
      dzh: '产业可持续发展并形成绿色产业链。',
      den: 'Sustainable development of the industry and a green industrial chain.',
    },
    digital: {
      zh: '产业层面的数字形式',
      en: 'Digital form (industry)',
      dzh: '传统产业数字化转型（如数字化供应链、服务平台），实现资源高效配置与协同。',
      den: 'Digital transformation of traditional industries (digital supply chains, service platforms) for efficient, coordinated allocation of resources.',
    },
  },
];

const FACTORS = [
  ['laborer', 'factor.laborer'],
  ['means', 'factor.means'],
  ['object', 'factor.object'],
] as const;
const FORMS = [
  ['tech', 'form.tech'],
  ['green', 'form.green'],
  ['digital', 'form.digital'],
] as const;

for (const r of ROWS) {
  const rowId = `s003.table1.${r.level}`;
  add(
    node(rowId, 'system', [r.zh, r.en], [r.dzh, r.den], c(H.table1, H.levels), {
      order: r.order,
      tags: [`level:${r.level}`],
    }),
  );
  link(
    rel('s003.table1', 'contains', rowId),
    rel(rowId, 'related-to', LEVEL_ID[r.level]),
    rel(rowId, 'related-to', 'nqpf'),
  );
  FACTORS.forEach(([key, shared], i) => {
    const cell = r[key];
    const id = `${rowId}.${key}`;
    add(
      node(id, 'factor', [cell.zh, cell.en], [cell.dzh, cell.den], c(H.table1), {
        order: i + 1,
        tags: [`level:${r.level}`, `factor:${key}`],
      }),
    );
    link(rel(rowId, 'contains', id), rel(id, 'related-to', shared), rel(id, 'related-to', LEVEL_ID[r.level]));
  });
  FORMS.forEach(([key, shared], i) => {
    const cell = r[key];
    const id = `${rowId}.${key}`;
    add(
      node(id, 'form', [cell.zh, cell.en], [cell.dzh, cell.den], c(H.table1), {
        order: i + 1,
        tags: [`level:${r.level}`, `form:${key}`],
      }),
    );
    link(rel(rowId, 'contains', id), rel(id, 'related-to', shared), rel(id, 'related-to', LEVEL_ID[r.level]));
  });
}
link(
  rel('s003.table1.employee.means', 'related-to', 'factor.data', [
    '数据资源是员工的劳动资料',
    'data resources serve employees as means of labour',
  ]),
  rel('s003.table1.firm.object', 'related-to', 'factor.data', [
    '数据信息是企业的非物质劳动对象',
    'data is an intangible object of labour for the firm',
  ]),
  rel('s003.table1.industry.laborer', 'related-to', 'concept.talent'),
  rel('s003.table1.employee', 'precedes', 's003.table1.firm', ['由“点”到“线”', 'from "point" to "line"'], c(H.levels)),
  rel('s003.table1.firm', 'precedes', 's003.table1.industry', ['由“线”到“面”', 'from "line" to "plane"'], c(H.levels)),
);

// ---------------------------------------------------------------------------
// AI's features and double-edged effects
// ---------------------------------------------------------------------------
add(
  node(
    's003.ai-features',
    'characteristic',
    ['人工智能技术应用的特征', 'Features of AI in use'],
    [
      '从构成看，人工智能应用由数据、算力和算法三者支撑；从结果看，它同时带来正面和负面影响。',
      'By make-up, AI in use rests on data, computing power and algorithms; by result, it brings both benefits and harms.',
    ],
    c(H.ai),
  ),
  node(
    's003.ai.data-driven',
    'characteristic',
    ['数据驱动', 'Data-driven'],
    [
      '数据是人工智能的关键输入，它从海量多元数据中学习规律，并据此不断优化模型。',
      "Data is AI's key input: it learns patterns from large, varied data and keeps refining its models on that basis.",
    ],
    c(H.ai),
    { order: 1 },
  ),
  node(
    's003.ai.compute',
    'characteristic',
    ['算力支持', 'Backed by computing power'],
    [
      '“高性能计算、云计算、边缘计算”等提供的算力，使复杂模型得以训练并快速迭代。',
      'High-performance, cloud and edge computing provide the power for training complex models and iterating fast.',
    ],
    c(H.ai),
    { order: 2 },
  ),
  node(
    's003.ai.algorithm',
    'characteristic',
    ['算法引领', 'Led by algorithms'],
    [
      '深度学习、强化学习等算法使人工智能能在很少人工干预下自主学习、推理和决策。',
      'Algorithms such as deep and reinforcement learning let AI learn, reason and decide with little human intervention.',
    ],
    c(H.ai),
    { order: 3 },
  ),
  node(
    's003.ai.double-edged',
    'effect',
    ['“双刃剑”效应', 'Double-edged effect'],
    [
      '人工智能在促进生产力的同时伴随风险与伦理问题，在员工、企业和产业层面各有表现。',
      'Alongside its gains, AI brings risks and ethical issues that show differently at employee, enterprise and industry level.',
    ],
    c(H.ai),
    { order: 4, facts: { regulation: '生成式人工智能服务管理暂行办法', issued: '2023-07' } },
  ),
  node(
    's003.ai.risk.employee',
    'problem',
    ['员工层面的消极影响', 'Harms at employee level'],
    [
      '技术超载、入侵和复杂性等可能引发过度依赖、焦虑、倦怠和信任下降，削弱自主性与创新力。',
      'Techno-overload, intrusion and complexity can lead to over-reliance, anxiety, burnout and lost trust, weakening autonomy and creativity.',
    ],
    c(H.ai),
    { order: 1, tags: ['level:employee'] },
  ),
  node(
    's003.ai.risk.firm',
    'problem',
    ['企业层面的消极影响', 'Harms at enterprise level'],
    [
      '信息质量失控时会出现算法偏差、虚假内容与深度伪造，进而引发隐私、监控和知识产权等法律伦理问题。',
      'Without information-quality control, algorithmic bias, false content and deepfakes arise, bringing legal and ethical problems of privacy, surveillance and IP.',
    ],
    c(H.ai),
    { order: 2, tags: ['level:firm'] },
  ),
  node(
    's003.ai.risk.industry',
    'problem',
    ['产业层面的消极影响', 'Harms at industry level'],
    [
      '自动化可能带来失业、错位和岗位流失，使劳动力结构发生重大变化。',
      'Automation may cause job losses, mismatches and vanishing positions, reshaping the structure of the workforce.',
    ],
    c(H.ai),
    { order: 3, tags: ['level:industry'] },
  ),
);
link(
  rel('seed.003', 'contains', 's003.ai-features'),
  rel('ai', 'contains', 's003.ai-features', ['人工智能应用的特征', 'the features of AI in use'], c(H.ai)),
  rel('s003.ai-features', 'contains', 's003.ai.data-driven'),
  rel('s003.ai-features', 'contains', 's003.ai.compute'),
  rel('s003.ai-features', 'contains', 's003.ai.algorithm'),
  rel('s003.ai-features', 'contains', 's003.ai.double-edged'),
  rel('s003.ai.double-edged', 'contains', 's003.ai.risk.employee'),
  rel('s003.ai.double-edged', 'contains', 's003.ai.risk.firm'),
  rel('s003.ai.double-edged', 'contains', 's003.ai.risk.industry'),
  rel(
    's003.ai.risk.employee',
    'hinders',
    's003.table1.employee',
    ['人工智能对员工的负面作用会拖累员工新质生产力的提高', "AI's harms at employee level work against employees' NQPF"],
    c(H.ai, H.employee),
  ),
  rel(
    's003.ai.risk.firm',
    'hinders',
    's003.table1.firm',
    [
      '信息质量失控带来的法律与伦理问题威胁企业声誉与运营安全',
      "legal and ethical trouble from uncontrolled information quality threatens the firm's reputation and safe operation",
    ],
    c(H.ai),
  ),
  rel(
    's003.ai.risk.industry',
    'hinders',
    's003.table1.industry',
    [
      '自动化引发的劳动力市场结构性变化冲击产业层面的新质生产力',
      'structural shifts in the labour market caused by automation strike at NQPF at industry level',
    ],
    c(H.ai),
  ),
  // the same harms, linked to the shared level and to the Table 1 cell they bear on
  rel(
    's003.ai.risk.employee',
    'hinders',
    'level.employee',
    [
      '技术超载、入侵与复杂性使员工焦虑、倦怠，自主性与创新能力下降',
      'techno-overload, intrusion and complexity leave employees anxious and burnt out, with less autonomy and creativity',
    ],
    c(H.ai),
  ),
  rel(
    's003.ai.risk.employee',
    'hinders',
    's003.table1.employee.laborer',
    [
      '过度依赖与职业安全、隐私方面的担忧削弱员工善用数字工具的能力',
      "over-reliance and worries about job security and privacy weaken employees' ability to use digital tools well",
    ],
    c(H.ai, H.employee),
  ),
  rel(
    's003.ai.risk.firm',
    'hinders',
    'level.firm',
    [
      '算法偏差、虚假信息与深度伪造可能引发隐私、监控和知识产权等法律伦理问题',
      'algorithmic bias, false information and deepfakes can raise legal and ethical problems of privacy, surveillance and IP',
    ],
    c(H.ai),
  ),
  rel(
    's003.ai.risk.firm',
    'hinders',
    's003.table1.firm.object',
    [
      '表 1 把数据信息列为企业的新型劳动对象，缺乏信息质量控制会使这些数据失真',
      "Table 1 counts data and information among the firm's new objects of labour; without quality control that information is distorted",
    ],
    c(H.ai, H.table1),
  ),
  rel(
    's003.ai.risk.industry',
    'hinders',
    'level.industry',
    [
      '失业、工作错位与岗位流失使产业的劳动力结构发生重大转变',
      "job losses, mismatches and vanishing positions reshape the industry's workforce",
    ],
    c(H.ai),
  ),
  rel(
    's003.ai.risk.industry',
    'hinders',
    's003.table1.industry.laborer',
    [
      '工作不匹配与岗位流失冲击产业链上的高技能人才队伍',
      'job mismatches and lost positions strike the skilled workforce along the industrial chain',
    ],
    c(H.ai, H.table1),
  ),
  rel('s003.ai.data-driven', 'related-to', 'factor.data'),
  rel('s003.ai.compute', 'related-to', 's002.infrastructure.innovation-support', [
    '算力来自超级计算中心等设施（见论文002）',
    'computing power comes from facilities such as supercomputing centres (seed 002)',
  ]),
);

// ---------------------------------------------------------------------------
// Paths and mechanisms per level
// ---------------------------------------------------------------------------
interface Item {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  facts?: Record<string, string | number>;
}

function children(
  parent: string,
  kind: 'path' | 'mechanism' | 'stage',
  section: string[],
  items: Item[],
  chain = false,
): void {
  items.forEach((it, i) => {
    const id = `${parent}.${it.id}`;
    add(
      node(id, kind, [it.zh, it.en], [it.dzh, it.den], c(...section), {
        order: i + 1,
        ...(it.facts ? { facts: it.facts } : {}),
      }),
    );
    link(rel(parent, 'contains', id));
    if (chain && i > 0) link(rel(`${parent}.${items[i - 1]!.id}`, 'precedes', id));
  });
}

function level(
  lv: Lv,
  path: Item,
  pathSections: string[],
  mech: Item,
  mechSections: string[],
  perspective: [string, string],
): void {
  const pid = `s003.${lv}.path`;
  const mid = `s003.${lv}.mechanism`;
  add(
    node(pid, 'path', [path.zh, path.en], [path.dzh, path.den], c(...pathSections), {
      tags: [`level:${lv}`],
      ...(path.facts ? { facts: path.facts } : {}),
    }),
    node(mid, 'mechanism', [mech.zh, mech.en], [mech.dzh, mech.den], c(...mechSections), {
      tags: [`level:${lv}`, `perspective:${perspective[1]}`],
      facts: { perspective: perspective[0] },
    }),
  );
  const row = `s003.table1.${lv}`;
  link(
    rel('seed.003', 'contains', pid),
    rel('seed.003', 'contains', mid),
    rel('ai', 'drives', pid),
    rel(pid, 'acts-on', LEVEL_ID[lv]),
    rel(mid, 'acts-on', LEVEL_ID[lv]),
    rel(pid, 'drives', row),
    rel(pid, 'related-to', mid, [
      '机制解释该路径如何促成新质生产力',
      'the mechanisms explain how the path brings NQPF about',
    ]),
    rel(mid, 'drives', `${row}.tech`),
    rel(mid, 'drives', `${row}.green`),
    rel(mid, 'drives', `${row}.digital`),
  );
}

// Employee level ------------------------------------------------------------
level(
  'employee',
  {
    id: 'path',
    zh: '“自动化-增强”路径',
    en: 'Automation–augmentation path',
    dzh: '人工智能与员工以自动化和增强两种方式合作，两者相互补充，产生大于各自之和的协同效应。',
    den: 'AI and employees work together by automation and by augmentation; the two complement each other and yield more than their sum.',
    facts: { cases: '美的集团; 海尔集团' },
  },
  [H.employeePathName, H.employeePath],
  {
    id: 'mechanism',
    zh: '能力机制',
    en: 'Capability mechanisms',
    dzh: '基于能力观，人工智能通过整合、学习和重构员工能力，提升其科技技能、环保意识与数字素养。',
    den: "From the capability view, AI integrates, develops and reshapes employees' capabilities, raising their technical skill, environmental awareness and digital literacy.",
  },
  [H.employeeMechName, H.employeeMech],
  ['能力观', 'capability'],
);
children(
  's003.employee.path',
  'path',
  [H.employeePath],
  [
    {
      id: 'automation',
      zh: '自动化路径',
      en: 'Automation',
      dzh: '由人工智能自动完成预设任务和流程，减少差错与时间浪费并重塑业务流程。',
      den: 'AI carries out preset tasks and workflows on its own, cutting errors and wasted time and reshaping processes.',
      facts: { lighthouse_factories: 10, cases: '美的微波炉顺德工厂; 海尔合肥空调互联工厂; 海尔青岛洗衣机互联工厂' },
    },
    {
      id: 'augmentation',
      zh: '增强路径',
      en: 'Augmentation',
      dzh: '让人工智能进入员工日常的工作、学习和协作之中，在四个维度上增强其决策、专业技能与创新能力。',
      den: "AI is woven into employees' work, learning and collaboration, raising decision-making, expertise and creativity along four dimensions.",
      facts: { dimensions: 4 },
    },
  ],
);
link(
  rel(
    's003.employee.path.automation',
    'related-to',
    's003.employee.path.augmentation',
    [
      '两条路径并非彼此独立，复杂情境下优势互补',
      'the two are not independent; they complement each other in complex situations',
    ],
    c(H.employeePath),
  ),
);
children(
  's003.employee.path.augmentation',
  'path',
  [H.employeePath],
  [
    {
      id: 'decision-support',
      zh: '数据分析与决策支持',
      en: 'Data analysis and decision support',
      dzh: '算法从大规模数据中提炼洞见与建议，帮助员工提高分析和决策能力。',
      den: "Algorithms distil insight and advice from large data, improving employees' analysis and decisions.",
      facts: { theory: '人力资本理论', case: '美的集团开普勒体系(Midea Kepler)' },
    },
    {
      id: 'assistant',
      zh: '智能助手与虚拟助手',
      en: 'Intelligent and virtual assistants',
      dzh: '智能助手分担日常事务并在使用中引导员工，潜移默化地提升技能。',
      den: 'Assistants take over routine chores and coach employees as they work, quietly lifting their skills.',
      facts: { theory: '创新扩散理论', case: '海尔集团客服中心智能聊天机器人' },
    },
    {
      id: 'learning',
      zh: '个性化学习与培训',
      en: 'Personalised learning and training',
      dzh: '根据员工特征和需求定制学习方案，有针对性地提升专业素养。',
      den: "Learning plans tailored to each employee's profile and needs build expertise where it is lacking.",
      facts: { theory: '人力资本理论', case: '海尔大学' },
    },
    {
      id: 'collaboration',
      zh: '协作与沟通增强',
      en: 'Enhanced collaboration and communication',
      dzh: '智能协作工具便利信息共享与跨部门协调，提高团队执行力和创新力。',
      den: 'Smart collaboration tools ease information sharing and cross-team coordination, raising team execution and creativity.',
      facts: { theory: '创新扩散理论', case: '美的集团智能协作平台' },
    },
  ],
);
children(
  's003.employee.mechanism',
  'mechanism',
  [H.employeeMech],
  [
    {
      id: 'integration',
      zh: '能力整合机制',
      en: 'Capability integration',
      dzh: '把人工智能在数据处理上的“硬”优势与员工判断、沟通等“软”优势结合，形成更强的整体效能。',
      den: 'Combines AI\'s "hard" strength in data processing with employees\' "soft" strengths of judgement and communication into stronger overall performance.',
      facts: { example_sector: '金融' },
    },
    {
      id: 'learning',
      zh: '能力学习机制',
      en: 'Capability learning',
      dzh: '员工与人工智能“双主体学习”：员工学会运用人工智能，人工智能在使用中不断自我优化。',
      den: '"Dual-subject learning": employees learn to work with AI while AI keeps improving through use.',
      facts: { example_sector: '医疗' },
    },
    {
      id: 'reconstruction',
      zh: '能力重构机制',
      en: 'Capability reconfiguration',
      dzh: '人工智能承担重复、机械或危险的工作，员工借此重新规划专业方向和技能组合。',
      den: 'AI takes over repetitive, mechanical or dangerous work, freeing employees to re-plan their specialisation and skill mix.',
      facts: { example_sector: '广播电视' },
    },
  ],
);

// Enterprise level ----------------------------------------------------------
level(
  'firm',
  {
    id: 'path',
    zh: '职能路径',
    en: 'Functional paths',
    dzh: '人工智能分别经由营销、创新、供应链管理、人力资源和战略决策五类企业职能促进新质生产力。',
    den: 'AI fosters NQPF through five business functions: marketing, innovation, supply chain, human resources and strategic decision-making.',
    facts: { functions: 5, cases: '华为集团; 小米集团' },
  },
  [H.firmPathName, H.firmPath],
  {
    id: 'mechanism',
    zh: '资源机制',
    en: 'Resource mechanisms',
    dzh: '基于资源观，人工智能作为关键资源，通过结构化、重组和利用优化企业资源配置，推动高科技、绿色与数字化发展。',
    den: "From the resource view, AI as a key resource structures, recombines and exploits the firm's resources, advancing high-tech, green and digital development.",
  },
  [H.firmMechName, H.firmMech],
  ['资源观', 'resource'],
);
children(
  's003.firm.path',
  'path',
  [H.firmPath],
  [
    {
      id: 'marketing',
      zh: '营销路径',
      en: 'Marketing',
      dzh: '借助个性化推荐、洞察生成和内容创作，提高营销的质量与效率。',
      den: 'Personalised recommendation, insight generation and content creation improve the quality and efficiency of marketing.',
      facts: { applications: 3, case: '小米“小爱同学”' },
    },
    {
      id: 'innovation',
      zh: '创新路径',
      en: 'Innovation',
      dzh: '人工智能参与从创意产生到推向市场的创新全过程，尤其作用于早期创意形成。',
      den: 'AI takes part in the whole innovation process from idea to market, especially in forming early ideas.',
      facts: { stages: 4, case: '小米 AIoT 平台' },
    },
    {
      id: 'supply-chain',
      zh: '供应链路径',
      en: 'Supply chain',
      dzh: '可提升透明度、简化沟通和优化运营，应用于路径优化、设备预测性维护、订单与发票处理等环节。',
      den: 'Greater transparency, simpler communication and leaner operations, applied to routing, predictive maintenance, ordering, invoicing and more.',
      facts: {
        applications: '路线优化; 预测性维护; 订单发货; 客户和供应商关系; 数据分析; 订购流程; 自动化发票',
        case: '华为“灵鲲”“灵蜂”',
      },
    },
    {
      id: 'hr',
      zh: '人力资源路径',
      en: 'Human resources',
      dzh: '自动执行部分人力资源工作、扩大员工自主与参与，并改变员工角色配置。',
      den: 'Automates parts of HR work, widens employee autonomy and participation, and reshapes role assignment.',
      facts: { case: '华为机器学习人才需求预测与智能简历筛选' },
    },
    {
      id: 'strategy',
      zh: '战略决策路径',
      en: 'Strategic decision-making',
      dzh: '分析海量行业与市场数据、生成备选方案，提高企业对复杂环境的洞察和反应速度。',
      den: "Analyses vast industry and market data and drafts alternative strategies, sharpening the firm's insight and speed in a complex market.",
      facts: { case: '华为全面智能化战略' },
    },
  ],
);
children(
  's003.firm.path.marketing',
  'path',
  [H.firmPath],
  [
    {
      id: 'recommendation',
      zh: '个性化推荐',
      en: 'Personalised recommendation',
      dzh: '依据用户数据全天候一对一推荐产品与内容，提高参与度、转化率和忠诚度。',
      den: 'Round-the-clock one-to-one recommendations from user data lift engagement, conversion and loyalty.',
    },
    {
      id: 'insight',
      zh: '洞察力生成',
      en: 'Insight generation',
      dzh: '快速分析市场与消费者信息，帮助企业及时调整产品与服务。',
      den: 'Fast analysis of market and customer information lets the firm adjust products and services in time.',
    },
    {
      id: 'content',
      zh: '内容创作',
      en: 'Content creation',
      dzh: '分析评论情绪并快速生成广告与营销文案。',
      den: 'Reads the sentiment of reviews and quickly produces ads and marketing copy.',
    },
  ],
);
children(
  's003.firm.path.innovation',
  'stage',
  [H.firmPath],
  [
    {
      id: 'ideation',
      zh: '机会识别和想法产生',
      en: 'Opportunity recognition and ideation',
      dzh: '广泛扫描多源数据，捕捉问题、机会和风险，拓宽创新视野。',
      den: 'Scans many data sources to spot problems, opportunities and risks, widening the view for innovation.',
    },
    {
      id: 'selection',
      zh: '想法评估和选择',
      en: 'Idea evaluation and selection',
      dzh: '以客观分析帮助企业挑选最有价值的创意进行投入。',
      den: 'Objective analysis helps the firm pick the most valuable ideas to invest in.',
    },
    {
      id: 'development',
      zh: '概念和解决方案开发',
      en: 'Concept and solution development',
      dzh: '在原型开发中指导选材、成本与工艺，缩短研发周期。',
      den: 'Guides materials, cost and process choices in prototyping, shortening development.',
    },
    {
      id: 'launch',
      zh: '启动和实施',
      en: 'Launch and implementation',
      dzh: '预测消费趋势并个性化推荐，推动创新成果的市场转化。',
      den: 'Forecasts demand and personalises offers, helping innovations succeed on the market.',
    },
  ],
  true,
);
children(
  's003.firm.mechanism',
  'mechanism',
  [H.firmMech],
  [
    {
      id: 'structuring',
      zh: '资源结构化机制',
      en: 'Resource structuring',
      dzh: '在各职能中把传统资源与数据、算力、算法、人才等新型资源组成新的组合，并依数据分析配置传统资源。',
      den: 'In each function, combines traditional resources with new ones — data, computing power, algorithms, specialists — and allocates the traditional ones by data analysis.',
      facts: { cases: '盒马鲜生; 沃尔玛' },
    },
    {
      id: 'recombination',
      zh: '资源重组机制',
      en: 'Resource recombination',
      dzh: '依内部分工和外部任务灵活调整并重组现有资源，提高对市场和技术变化的响应。',
      den: 'Flexibly adjusts and regroups existing resources to internal roles and external tasks, responding faster to market and technical change.',
      facts: { cases: '酷特智能; 富士康' },
    },
    {
      id: 'utilization',
      zh: '资源利用机制',
      en: 'Resource utilisation',
      dzh: '把内部核心能力与外部市场结合，挖掘资源潜在价值并拓展其应用边界，开发新产品与服务。',
      den: "Links core competences to the market, tapping resources' latent value and widening their uses to create new products and services.",
      facts: { cases: '京东物流; 顺丰' },
    },
  ],
);

// Industry level ------------------------------------------------------------
level(
  'industry',
  {
    id: 'path',
    zh: '“四链”路径',
    en: 'Four-chain path',
    dzh: '人工智能经由四条链——产业链、创新链、资金链及人才链——促进产业新质生产力。',
    den: 'AI fosters industry-level NQPF through four chains: the industrial, innovation, capital and talent chains.',
    facts: { chains: 4, case: '三一重工' },
  },
  [H.industryPathName, H.industryPath],
  {
    id: 'mechanism',
    zh: '协同机制',
    en: 'Synergy mechanisms',
    dzh: '基于协同观，人工智能通过四种机制优化产业结构、推动产业可持续发展并带动传统产业转型。',
    den: 'From the synergy view, AI works through four mechanisms that optimise industrial structure, make industry sustainable and transform traditional industries.',
  },
  [H.industryMechName, H.industryMech],
  ['协同观', 'synergy'],
);
children(
  's003.industry.path',
  'path',
  [H.industryPath],
  [
    {
      id: 'industrial-chain',
      zh: '产业链路径',
      en: 'Industrial chain',
      dzh: '人工智能作用于上、中、下游各环节，并推动产业链由线性模式转向网络模式。',
      den: 'AI acts on the upstream, midstream and downstream links and turns the chain from a linear into a network structure.',
      facts: { case: '三一重工“根云”平台' },
    },
    {
      id: 'innovation-chain',
      zh: '创新链路径',
      en: 'Innovation chain',
      dzh: '人工智能加速多主体协同创新，开放式平台促进跨企业合作和成果产业化。',
      den: 'AI speeds joint innovation among many parties; open platforms foster cross-firm cooperation and commercialisation.',
      facts: { case: '三一重工与清华大学、湖南大学合作' },
    },
    {
      id: 'capital-chain',
      zh: '资金链路径',
      en: 'Capital chain',
      dzh: '降本增效释放资金用于研发与扩张，智能风控与投资工具提升资金配置的精准度。',
      den: 'Savings free funds for development and expansion, and smart risk and investment tools allocate capital more precisely.',
      facts: { case: '三一创投' },
    },
    {
      id: 'talent-chain',
      zh: '人才链路径',
      en: 'Talent chain',
      dzh: '培养复合型创新人才，并用匹配算法促成人才在企业间共享与流动。',
      den: 'Trains versatile, innovative people and uses matching algorithms to share and circulate talent among firms.',
      facts: { case: '三一工学院' },
    },
  ],
);
children(
  's003.industry.path.industrial-chain',
  'stage',
  [H.industryPath],
  [
    {
      id: 'upstream',
      zh: '上游环节',
      en: 'Upstream',
      dzh: '智能化研发平台把科研成果快速转化为有竞争力的产品。',
      den: 'Intelligent R&D platforms turn research quickly into competitive products.',
    },
    {
      id: 'midstream',
      zh: '中游环节',
      en: 'Midstream',
      dzh: '接入工业互联网与物联网，使生产自动化、智能化和协同化。',
      den: 'Connected to the industrial internet and IoT, production becomes automated, intelligent and coordinated.',
    },
    {
      id: 'downstream',
      zh: '下游环节',
      en: 'Downstream',
      dzh: '重塑产品形态、服务方式与消费场景，孕育新业态和新模式。',
      den: 'Renews products, service models and consumption scenarios, giving rise to new business forms and models.',
    },
  ],
  true,
);
children(
  's003.industry.mechanism',
  'mechanism',
  [H.industryMech],
  [
    {
      id: 'complementary-substitution',
      zh: '互补式替代机制',
      en: 'Complementary substitution',
      dzh: '人工智能替人承担重复、高强度、高风险或高精度工作，缓解用工短缺，同时创造新岗位。',
      den: 'AI takes over repetitive, strenuous, risky or high-precision work, easing labour shortages while creating new jobs.',
      facts: { alias: '劳动替代机制', example_industry: '建筑施工' },
    },
    {
      id: 'spillover',
      zh: '溢出融合机制',
      en: 'Spillover and fusion',
      dzh: '作为通用技术，人工智能与其他产业融合，引发要素跨部门流动和跨界创新。',
      den: 'As a general-purpose technology, AI merges with other industries, moving factors across sectors and sparking cross-industry innovation.',
      facts: { example_industry: '汽车' },
    },
    {
      id: 'tech-innovation',
      zh: '技术创新机制',
      en: 'Technological innovation',
      dzh: '借助人工智能提升资源配置和碳排放的效率，使要素得以可持续利用，推动产业服务化与绿色转型。',
      den: 'Uses AI to raise the efficiency of resource allocation and of carbon emissions, pushing industries towards services and green growth.',
      facts: { example_industry: '电力能源' },
    },
    {
      id: 'ecosystem',
      zh: '生态协同机制',
      en: 'Ecosystem synergy',
      dzh: '以人工智能构建开放共享的平台化产业生态，让多方在数据、技术、市场和资本上深度合作。',
      den: 'Uses AI to build an open, shared, platform-based ecosystem where many parties cooperate on data, technology, markets and capital.',
      facts: { example_industry: '电子商务' },
    },
  ],
);
link(
  rel('s003.industry.path.talent-chain', 'related-to', 'concept.talent'),
  rel(
    's003.industry.path.innovation-chain',
    'related-to',
    'concept.key-technology',
    [
      '联合攻关关键技术，如边缘计算、深度学习与智能感知',
      'joint development of key technologies such as intelligent sensing, deep learning and edge computing',
    ],
    c(H.industryPath),
  ),
  rel('s003.industry.path.innovation-chain', 'related-to', 's002.problem.key-tech.chain', [
    '论文002所说的创新链条不成熟正是此路径要补的短板',
    'the immature innovation chain named in seed 002 is the gap this path addresses',
  ]),
  rel('s003.industry.mechanism.tech-innovation', 'related-to', 'form.green'),
  rel('s003.industry.mechanism.ecosystem', 'related-to', 'factor.data'),
);

// ---------------------------------------------------------------------------
// Policies: short / medium / long term, with the quantities each tracks
// ---------------------------------------------------------------------------
add(
  node(
    's003.policies',
    'policy',
    ['人工智能促进新质生产力涌现的政策协同', 'Policy coordination for AI-driven NQPF'],
    [
      '论文按短期、中期、长期提出政策，分别对应员工、企业、产业层面及其机制。',
      'The paper proposes policies for the short, medium and long term, matched to the employee, enterprise and industry levels and their mechanisms.',
    ],
    c(H.policy),
    { facts: { horizons: 3 } },
  ),
);
link(rel('seed.003', 'contains', 's003.policies'), rel('s003.policies', 'drives', 'nqpf'));

interface Measure extends Item {
  targets: string[];
  tracks?: Item[];
}
interface Horizon {
  id: 'short' | 'medium' | 'long';
  lv: Lv;
  section: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  measures: Measure[];
}

const HORIZONS: Horizon[] = [
  {
    id: 'short',
    lv: 'employee',
    section: H.short,
    zh: '短期政策与战略',
    en: 'Short-term policy and strategy',
    dzh: '从能力观出发面向员工，分别支撑能力整合、学习与重构机制，帮助员工完成能力转型。',
    den: 'Employee-focused, from the capability view: each measure supports one capability mechanism and helps workers retool.',
    measures: [
      {
        id: 'training',
        zh: '培训与技能提升政策',
        en: 'Training and upskilling',
        dzh: '政府设立专项培训补贴，鼓励员工参加人工智能课程与实训，并对结业者给予认证；以培训前后的职业变化评估成效。',
        den: 'Dedicated training subsidies for AI courses and practice, with certification on completion; effects judged by career changes before and after training.',
        targets: ['s003.employee.mechanism.integration'],
        tracks: [
          {
            id: 'employment-status',
            zh: '培训前后的就业状态',
            en: 'Employment status before and after training',
            dzh: '比较受训员工培训前后是否在岗及岗位变化。',
            den: 'Whether trained workers are employed, and in what job, before versus after training.',
          },
          {
            id: 'wage-level',
            zh: '培训前后的薪资水平',
            en: 'Wage level before and after training',
            dzh: '比较受训员工培训前后的薪资。',
            den: "Trained workers' pay before versus after training.",
          },
          {
            id: 'promotion',
            zh: '培训前后的职务晋升情况',
            en: 'Promotion before and after training',
            dzh: '比较受训员工培训前后的职务晋升。',
            den: "Trained workers' promotions before versus after training.",
          },
        ],
      },
      {
        id: 'reemployment',
        zh: '转岗与再就业支持政策',
        en: 'Job transfer and re-employment support',
        dzh: '以专项资金推进再就业援助，搭建职业信息对接平台并提供培训资助、职业规划与心理疏导，缓解结构性失业。',
        den: 'Dedicated funds for re-employment aid: a job-matching platform plus training grants, career advice and counselling to ease structural unemployment.',
        targets: ['s003.employee.mechanism.learning'],
        tracks: [
          {
            id: 'aided-count',
            zh: '接受援助人员数量',
            en: 'Number of people aided',
            dzh: '定期统计接受再就业援助的人数。',
            den: 'Count of people receiving re-employment aid, reported regularly.',
          },
          {
            id: 'reemployment-rate',
            zh: '再就业率',
            en: 'Re-employment rate',
            dzh: '受援人员中重新就业者所占比例。',
            den: 'Share of aided people who find work again.',
          },
          {
            id: 'reemployment-duration',
            zh: '平均再就业周期',
            en: 'Average time to re-employment',
            dzh: '受援人员从失业到再就业的平均时长。',
            den: 'Average time from job loss to new employment among those aided.',
          },
          {
            id: 'wage-growth',
            zh: '薪资增长幅度',
            en: 'Wage growth',
            dzh: '受援人员再就业后的薪资增幅。',
            den: 'Pay growth of aided people after re-employment.',
          },
        ],
      },
      {
        id: 'innovation-incentive',
        zh: '创新激励政策',
        en: 'Innovation incentives',
        dzh: '鼓励企业设立员工创新奖励基金，对用人工智能改进流程、解决难题的员工给予物质或精神奖励，并常态化举办创新竞赛。',
        den: 'Firms set up innovation award funds that reward, materially or otherwise, staff who use AI to improve work or solve hard problems, and hold regular innovation contests.',
        targets: ['s003.employee.mechanism.reconstruction'],
      },
    ],
  },
  {
    id: 'medium',
    lv: 'firm',
    section: H.medium,
    zh: '中期政策与战略',
    en: 'Medium-term policy and strategy',
    dzh: '以资源基础观为视角、以企业为对象，各项措施分别服务于资源结构化、重组和利用三种机制，目标是提高企业的全要素生产率与对市场的适应能力。',
    den: "Enterprise-focused, from the resource view: each measure supports one resource mechanism, raising firms' TFP and adaptability.",
    measures: [
      {
        id: 'infrastructure',
        zh: '数字基础设施建设政策',
        en: 'Digital infrastructure building',
        dzh: '设立专项基金，以补贴、税收优惠和低息贷款激励企业投资工业软件研发与改造，实现全链条智能化。',
        den: 'A dedicated fund — subsidies, tax relief, cheap loans — for firms investing in industrial software, aiming at intelligent upgrading along the whole chain.',
        targets: ['s003.firm.mechanism.structuring'],
        tracks: [
          {
            id: 'rd-investment',
            zh: '企业研发投入',
            en: 'Corporate R&D spending',
            dzh: '政策支持下企业的研发投入规模。',
            den: 'How much firms spend on R&D under the policy.',
          },
          {
            id: 'software-projects',
            zh: '软件升级项目数量',
            en: 'Number of software-upgrade projects',
            dzh: '企业开展的工业软件升级与改造项目数。',
            den: 'Count of industrial-software upgrade projects firms carry out.',
          },
          {
            id: 'intelligence-level',
            zh: '智能化程度',
            en: 'Degree of intelligent upgrading',
            dzh: '企业各环节的智能化水平。',
            den: "How far the firm's operations have been made intelligent.",
          },
        ],
      },
      {
        id: 'public-cloud',
        zh: '“公共云优先”战略',
        en: '"Public cloud first" strategy',
        dzh: '引导企业将核心业务迁上公共云；政府制定云服务商的评估标准和选用指引，并监督其数据安全能力。',
        den: "Firms move key processes to public cloud; government issues provider-evaluation criteria and selection guides and oversees providers' data security.",
        targets: ['s003.firm.mechanism.recombination'],
        facts: { provider_criteria: '服务性能与稳定性; 技术领先性与兼容性; 安全合规性; 客户服务与支持; 成本效益分析' },
      },
      {
        id: 'process-reengineering',
        zh: '业务流程智能化再造',
        en: 'Intelligent process re-engineering',
        dzh: '以政策与资金引导、公共服务平台、产学研合作和持续评估，支持企业用人工智能再造业务流程。',
        den: 'Policy and funding guidance, a public service platform, industry–research cooperation and ongoing evaluation help firms re-engineer processes with AI.',
        targets: ['s003.firm.mechanism.utilization'],
        facts: { actions: 4 },
      },
    ],
  },
  {
    id: 'long',
    lv: 'industry',
    section: H.long,
    zh: '长期政策与战略',
    en: 'Long-term policy and strategy',
    dzh: '从协同观出发面向产业，对应四种协同机制，加快构建现代产业体系、提升产业附加值与竞争力。',
    den: 'Industry-focused, from the synergy view: measures matched to the four synergy mechanisms to build a modern industrial system and raise value added and competitiveness.',
    measures: [
      {
        id: 'talent',
        zh: '高素质人才培养政策',
        en: 'Developing high-quality talent',
        dzh: '政府、高校与培训机构合作建立覆盖全年龄段的全民数字技能教育与培训体系，并加大数字人才引育。',
        den: 'Government, universities and training bodies build a digital-skills education system for all ages and step up the attraction and training of digital talent.',
        targets: ['s003.industry.mechanism.complementary-substitution'],
        facts: { skill_areas: '基础数字技能; 数据分析技能; 编程与算法技能; 人工智能与新兴技术认知; 数字沟通与协作' },
      },
      {
        id: 'benchmarks',
        zh: '分环节分场景打造标杆',
        en: 'Benchmarks by link and scenario',
        dzh: '选取人工智能应用领先企业作为标杆予以支持推广，借其标准、培训与协同为产业链数字化提供范本并跨产业复制。',
        den: 'Leading AI adopters are backed and publicised as benchmarks whose standards, training and coordination serve as templates for digitalising chains, copied across industries.',
        targets: ['s003.industry.mechanism.spillover'],
      },
      {
        id: 'regulation',
        zh: '监管框架与行业发展平衡政策',
        en: 'Balancing regulation and industry growth',
        dzh: '建立国家、地区、行业三级的灵活监管体系，内嵌伦理与法律框架，并集成政策效果评估与公众反馈以动态调整。',
        den: 'A flexible three-tier (national, regional, sector) regulatory system with built-in ethics and law, monitoring policy effects and public feedback to adjust over time.',
        targets: ['s003.industry.mechanism.tech-innovation'],
        facts: { tiers: '国家级; 地区级; 行业级' },
        tracks: [
          {
            id: 'policy-effect',
            zh: '政策效果评估',
            en: 'Evaluated policy effects',
            dzh: '监管政策实施后的效果评估结果。',
            den: 'The assessed effects of regulatory policies once in force.',
          },
          {
            id: 'public-feedback',
            zh: '公众意见反馈',
            en: 'Public feedback',
            dzh: '公众对监管政策的意见与反馈。',
            den: 'Public opinion and feedback on regulatory policy.',
          },
        ],
      },
      {
        id: 'rd',
        zh: '鼓励技术研发与创新政策',
        en: 'Encouraging R&D and innovation',
        dzh: '扶持人工智能、大数据与云计算这类战略性新兴产业，向企业开放重点实验室等创新平台，并量化评估平台的使用与支持效果。',
        den: 'Support strategic emerging industries such as AI, big data and cloud, open key laboratories and other platforms to firms, and measure how the platforms are used and how much they help.',
        targets: ['s003.industry.mechanism.tech-innovation'],
        tracks: [
          {
            id: 'platform-usage',
            zh: '创新平台使用情况',
            en: 'Use of innovation platforms',
            dzh: '向企业开放的重点实验室、工程研究中心等平台的使用量。',
            den: 'How much the opened laboratories and engineering centres are used by firms.',
          },
          {
            id: 'platform-support',
            zh: '创新平台对创新活动的支持效果',
            en: "Platforms' support for innovation",
            dzh: '衡量创新平台在多大程度上切实支撑了企业与产业的创新。',
            den: 'How far the innovation platforms actually support innovation in firms and industries.',
          },
        ],
      },
      {
        id: 'data-sharing',
        zh: '数据和算力资源开放与共享政策',
        en: 'Opening and sharing data and computing resources',
        dzh: '建设具备发布、查询、下载和接口调用功能的国家级数据共享平台，开放非敏感政府数据，并激励企业间数据交换。',
        den: 'A national data-sharing platform for publishing, querying, downloading and API access, open non-sensitive government data, and incentives for data exchange among firms and institutes.',
        targets: ['s003.industry.mechanism.ecosystem'],
      },
    ],
  },
];

HORIZONS.forEach((h, i) => {
  const hid = `s003.policy.${h.id}`;
  add(
    node(hid, 'policy', [h.zh, h.en], [h.dzh, h.den], c(h.section), {
      order: i + 1,
      tags: [`horizon:${h.id}`, `level:${h.lv}`],
    }),
  );
  link(
    rel('s003.policies', 'contains', hid),
    rel(hid, 'acts-on', LEVEL_ID[h.lv]),
    rel(hid, 'drives', `s003.${h.lv}.mechanism`),
  );
  h.measures.forEach((m, j) => {
    const mid = `${hid}.${m.id}`;
    add(
      node(mid, 'policy', [m.zh, m.en], [m.dzh, m.den], c(h.section), {
        order: j + 1,
        tags: [`horizon:${h.id}`, 'measure'],
        ...(m.facts ? { facts: m.facts } : {}),
      }),
    );
    link(rel(hid, 'contains', mid));
    for (const t of m.targets) link(rel(mid, 'drives', t));
    (m.tracks ?? []).forEach((q, k) => {
      const qid = `s003.quantity.${q.id}`;
      add(
        node(qid, 'quantity', [q.zh, q.en], [q.dzh, q.den], c(h.section), { order: k + 1, tags: [`horizon:${h.id}`] }),
      );
      link(rel(mid, 'tracks', qid));
    });
  });
});
link(
  rel('s003.policy.short', 'precedes', 's003.policy.medium'),
  rel('s003.policy.medium', 'precedes', 's003.policy.long'),
  rel(
    's003.policy.medium',
    'drives',
    'tfp',
    ['提升企业全要素生产率', "raises firms' total factor productivity"],
    c(H.medium),
  ),
  rel(
    's003.ai.risk.industry',
    'mitigated-by',
    's003.policy.short.reemployment',
    ['再就业援助缓解人工智能引发的结构性失业', 're-employment aid eases AI-induced structural unemployment'],
    c(H.short),
  ),
  rel('s003.ai.risk.firm', 'mitigated-by', 's003.policy.long.regulation'),
  rel('s003.policy.medium.infrastructure', 'related-to', 's002.infrastructure'),
  rel('s003.policy.long.talent', 'related-to', 'concept.talent'),
  rel('s003.policy.long.rd', 'related-to', 'concept.key-technology'),
  rel('s003.policy.long.rd', 'related-to', 's002.emerging-future-industries'),
  rel('s003.policy.long.data-sharing', 'related-to', 'factor.data'),
  rel('s003.policy.long.data-sharing', 'related-to', 's002.path.digital-divide.subjects.sharing-platform', [
    '两者都主张大企业与中小企业、研究机构共享数据',
    'both call for large firms to share data with SMEs and research institutes',
  ]),
);

// Links to seeds 000 and 001.
link(
  rel('s003.firm.path.supply-chain', 'related-to', 's000.main.supply-chain-optimisation'),
  rel('s003.firm.path.innovation.ideation', 'related-to', 's000.main.opportunity-sensing', [
    '机会识别与机会感知',
    'opportunity recognition and opportunity sensing',
  ]),
  rel('s003.industry.mechanism.ecosystem', 'related-to', 's000.practice.ecosystem'),
  rel('s003.industry.mechanism.tech-innovation', 'related-to', 's001.path.green-value.servitisation', [
    '都指向产业服务化转型',
    'both point to the servitisation of industry',
  ]),
  rel('s003.ai.risk.firm', 'related-to', 's001.risk.technology-ethics'),
);

export const seed003: FrameworkPart = { nodes, relations };
