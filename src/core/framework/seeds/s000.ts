/**
 * Seed 000 — 孙永磊, 刘心雨, 宋晶, 陈劲: 数字化赋能企业新质生产力的机制研究
 * (外国经济与管理, 2026). Firm level, grounded theory.
 *
 * Encoded: research design and sample (facts), the three-level coding
 * (28 sub-categories → 9 main categories → 3 core categories = paths), the
 * 情境—过程—结果 logic in general and for each path (context contradiction,
 * upgraded factors, management mode, effect, outcome features), propositions
 * 1–3, the reinforcing loop 效率驱动—协同耦合—技术反哺 with the direction of
 * influence between paths, 以质育新 / 以新促质, and the practical advice.
 *
 * Note: the paper names the second main category 管理提效 in Table 3 and
 * 管理提速 in Table 4; Table 3's name is used, the other kept as a fact.
 */
import type { FrameworkNode, FrameworkPart, FrameworkRelation } from '../types.ts';
import { cite, node, rel } from '../common.ts';

const T1 = cite('000', '表 1 数据收集的描述性统计');
const T2 = cite('000', '表 2 开放式编码示例(部分)');
const T3 = cite('000', '表 3 主轴式编码');
const T4 = cite('000', '表 4 选择式编码');
const ANALYSIS = cite('000', '(四)数据分析');
const CASES = cite('000', '四、案例分析');
const FIG1 = cite('000', '图 1 逻辑分析框架');
const FIG5 = cite('000', '图5 数字化赋能企业新质生产力的机制模型');
const DISCUSSION = cite('000', '五、进一步讨论');
const CONCLUSION = cite('000', '(一) 研究结论');
const CONTRIB = cite('000', '(二)理论贡献');
const PRACTICE = cite('000', '(三)实践启示');

/** Per-path data: section heading, figure caption, proposition line. */
const PATHS = {
  qe: {
    id: 's000.path.quality-efficiency',
    sec: cite('000', '(一)赋能路径:提质增效'),
    fig: cite('000', '图2 提质增效路径下数字化赋能企业新质生产力的机制模型'),
    prop: cite('000', '命题1'),
  },
  co: {
    id: 's000.path.cooperation',
    sec: cite('000', '(二)赋能路径:交互合作'),
    fig: cite('000', '图3 交互合作路径下数字化赋能企业新质生产力的机制模型'),
    prop: cite('000', '命题2'),
  },
  ib: {
    id: 's000.path.innovation',
    sec: cite('000', '(三)赋能路径:创新突破'),
    fig: cite('000', '图4 创新突破路径下数字化赋能企业新质生产力的机制模型'),
    prop: cite('000', '命题3'),
  },
} as const;
type PathKey = keyof typeof PATHS;

const nodes: FrameworkNode[] = [];
const relations: FrameworkRelation[] = [];
const add = (...n: FrameworkNode[]) => {
  nodes.push(...n);
};
const link = (...r: FrameworkRelation[]) => {
  relations.push(...r);
};

// ---- Research design ------------------------------------------------------------
add(
  node(
    's000.method',
    'fact',
    ['研究设计与样本', 'Research design and sample'],
    [
      '以扎根理论分析数字化水平领先企业的半结构化访谈；样本按理论抽样从标杆企业榜单和企业数字化水平评价规范第四级中选取。',
      'Grounded-theory analysis of semi-structured interviews in firms that lead in digitalisation, chosen by theoretical sampling from benchmark lists and the top grade of a firm digitalisation standard.',
    ],
    [cite('000', '(一)研究方法'), cite('000', '(二)样本选择'), cite('000', '(三)数据收集'), T1],
    {
      facts: {
        firms: 20,
        interviewees: 31,
        codingInterviewees: 27,
        saturationInterviewees: 4,
        seniorInterviewees: 10,
        interviewHours: 34,
        transcriptChars: 295000,
        interviewPeriod: '2023-11 – 2024-11',
        benchmarkList: '首批30个“数字领航”企业',
        digitalLevelStandard: 'T/GDC 232-2023 第四级 (80—100 分)',
      },
      order: 1,
    },
  ),
  node(
    's000.method.secondary',
    'fact',
    ['二手资料', 'Secondary material'],
    [
      '用于三角验证的官网报道、新闻报道、企业研究报告和文献。',
      'Company web reports, news reports, research reports and literature used to triangulate the interviews.',
    ],
    [T1],
    {
      facts: {
        officialReports: 16,
        officialReportChars: 45000,
        newsReports: 29,
        newsReportChars: 80000,
        researchReports: 38,
        researchReportChars: 200000,
        literature: 24,
        literatureChars: 385000,
      },
    },
  ),
  node(
    's000.method.coding',
    'fact',
    ['三级编码', 'Three-stage coding'],
    [
      '开放式、主轴式、选择式编码依次得到副范畴、主范畴和核心范畴；留出的 4 名受访者用于理论饱和度检验，未出现新范畴。',
      'Open, axial and selective coding yield sub-categories, main categories and core categories; the 4 held-out interviewees served as a saturation check and produced no new category.',
    ],
    [ANALYSIS, T3, T4],
    { facts: { subCategories: 28, mainCategories: 9, coreCategories: 3 } },
  ),
);
link(
  rel('seed.000', 'contains', 's000.method'),
  rel('s000.method', 'contains', 's000.method.secondary'),
  rel('s000.method', 'contains', 's000.method.coding'),
);

// ---- The 情境—过程—结果 logic ---------------------------------------------------------
add(
  node(
    's000.logic',
    'stage',
    ['“情境—过程—结果”分析逻辑', 'Context–process–outcome logic'],
    [
      '每条路径按同一逻辑分析：情境中的矛盾促使企业先做准备（要素升级与管理模式变革），再发挥作用，最后得到赋能结果。',
      'Each path is read through the same logic: a contradiction in the context makes the firm prepare (upgrade factors, change its management mode), then act, and finally reap the empowerment results.',
    ],
    [FIG1, CASES],
    { order: 2 },
  ),
  node(
    's000.logic.context',
    'stage',
    ['情境', 'Context'],
    [
      '企业环境中驱动力与制约力的对立，揭示问题根源。',
      "The opposition of driving and restraining forces in the firm's environment, which shows where the problem lies.",
    ],
    [FIG1, CASES],
    { order: 1 },
  ),
  node(
    's000.logic.preparation',
    'stage',
    ['过程1：准备过程', 'Process 1: preparation'],
    [
      '依资源基础观识别获取战略性资源（要素升级），依变革管理理论调整管理模式。',
      'Identify and acquire strategic resources (factor upgrade, resource-based view) and adjust the management mode (change-management theory).',
    ],
    [FIG1, CASES],
    { order: 2 },
  ),
  node(
    's000.logic.action',
    'stage',
    ['过程2：作用发挥过程', 'Process 2: taking effect'],
    [
      '依动态能力理论，以灵活的组织机制配置资源，释放其潜在价值。',
      'Following dynamic-capability theory, flexible organisational mechanisms deploy the resources and release their latent value.',
    ],
    [FIG1, CASES],
    { order: 3 },
  ),
  node(
    's000.logic.result',
    'stage',
    ['结果', 'Outcome'],
    ['赋能形成的效应及新质生产力的特征表现。', 'The effects of empowerment and the features of NQPF they produce.'],
    [FIG1, CASES],
    { order: 4 },
  ),
);
link(
  rel('seed.000', 'contains', 's000.logic'),
  rel('s000.logic', 'contains', 's000.logic.context'),
  rel('s000.logic', 'contains', 's000.logic.preparation'),
  rel('s000.logic', 'contains', 's000.logic.action'),
  rel('s000.logic', 'contains', 's000.logic.result'),
  rel('s000.logic.context', 'precedes', 's000.logic.preparation'),
  rel('s000.logic.preparation', 'precedes', 's000.logic.action'),
  rel('s000.logic.action', 'precedes', 's000.logic.result'),
);

// ---- Paths (core categories) ----------------------------------------------------------
add(
  node(
    PATHS.qe.id,
    'path',
    ['提质增效', 'Quality improvement and efficiency enhancement'],
    [
      '数字化打破路径依赖、形成新的生产与管理方式，推动企业生产力由量的扩张转向质的提升。',
      'Digitalisation breaks path dependence and brings new ways of producing and managing, moving firm productivity from quantity to quality.',
    ],
    [T4, PATHS.qe.sec],
    { order: 1, facts: { coreCategory: 1 } },
  ),
  node(
    PATHS.co.id,
    'path',
    ['交互合作', 'Interactive cooperation'],
    [
      '数字化促进企业间合作，孕育合作型新业态、新模式，形成培育新质生产力的生态圈。',
      'Digitalisation fosters cooperation between firms, giving rise to cooperative business forms and models and an ecosystem that nurtures NQPF.',
    ],
    [T4, PATHS.co.sec],
    { order: 2, facts: { coreCategory: 2 } },
  ),
  node(
    PATHS.ib.id,
    'path',
    ['创新突破', 'Innovation breakthrough'],
    [
      '数字化加快原创性、颠覆性科技创新，为新质生产力的“新”提供动力。',
      'Digitalisation speeds up original and disruptive innovation, powering the "new" of NQPF.',
    ],
    [T4, PATHS.ib.sec],
    { order: 3, facts: { coreCategory: 3 } },
  ),
);
for (const k of Object.keys(PATHS) as PathKey[]) {
  link(
    rel('seed.000', 'contains', PATHS[k].id),
    rel(
      'digitalization',
      'drives',
      PATHS[k].id,
      ['数字化经由此路径赋能企业新质生产力', 'digitalisation empowers firm NQPF through this path'],
      [T4],
    ),
  );
}

// ---- Main and sub-categories (Table 3) --------------------------------------------------
type Sub = [id: string, zh: string, en: string, dzh: string, den: string];
interface Main {
  id: string;
  path: PathKey;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  facts?: Record<string, string | number>;
  subs: Sub[];
}
const TABLE2 = new Set(['实时监测生产', '建立信任基础', '技术交流', '故障风险预警', '生产动态调整', '共享数据要素']);
const MAINS: Main[] = [
  {
    id: 'production-acceleration',
    path: 'qe',
    zh: '生产加速',
    en: 'Production acceleration',
    dzh: '用数字技术感知、预警和调度生产，加快生产节奏。',
    den: 'Sensing, warning and scheduling production with digital technology so that it runs faster.',
    subs: [
      [
        'real-time-monitoring',
        '实时监测生产',
        'Real-time production monitoring',
        '把设备与资源转成数据，随时掌握生产状况。',
        'Turning equipment and resources into data so that production status is visible at any moment.',
      ],
      [
        'failure-warning',
        '故障风险预警',
        'Early warning of failure risks',
        '设备在损坏前发出预警，由事后维修转为预防维护。',
        'Equipment warns before it breaks, moving from repair after failure to preventive maintenance.',
      ],
      [
        'dynamic-adjustment',
        '生产动态调整',
        'Dynamic adjustment of production',
        '借助人工智能与历史数据优化排产、减少浪费、提高灵活性。',
        'AI learns from past data to optimise schedules, cut waste and make production more flexible.',
      ],
    ],
  },
  {
    id: 'management-efficiency',
    path: 'qe',
    zh: '管理提效',
    en: 'Management efficiency',
    dzh: '以数字工具提升项目、会议和跨部门协同的管理效率。',
    den: 'Digital tools make the management of projects, meetings and cross-department work more efficient.',
    facts: { table4Name: '管理提速' },
    subs: [
      [
        'intelligent-project-management',
        '项目智能管理',
        'Intelligent project management',
        '用智能系统规划和跟踪项目。',
        'Planning and tracking projects with intelligent systems.',
      ],
      [
        'transparent-execution',
        '项目执行透明',
        'Transparent project execution',
        '项目进度与责任对各方可见。',
        'Progress and responsibilities of projects are visible to everyone involved.',
      ],
      [
        'horizontal-stretch',
        '高效横向拉伸',
        'Efficient horizontal stretching',
        '横向打通部门之间的沟通与协作。',
        'Opening up communication and cooperation across departments.',
      ],
      [
        'automated-meetings',
        '自动化会议管理',
        'Automated meeting management',
        '会议的安排、记录与跟进由工具自动完成。',
        'Tools schedule, record and follow up meetings automatically.',
      ],
    ],
  },
  {
    id: 'supply-chain-optimisation',
    path: 'qe',
    zh: '供应链优化',
    en: 'Supply-chain optimisation',
    dzh: '数字化供应链平台让流转更协同、透明和智能。',
    den: 'Digital supply-chain platforms make flows more coordinated, transparent and intelligent.',
    subs: [
      [
        'supply-chain-coordination',
        '供应链协同',
        'Supply-chain coordination',
        '上下游基于共享数据协同运作。',
        'Upstream and downstream partners act together on shared data.',
      ],
      [
        'supply-chain-visibility',
        '供应链可视化',
        'Supply-chain visibility',
        '供应链全程状态可视、可追踪。',
        'The state of the whole supply chain can be seen and traced.',
      ],
      [
        'supply-chain-scheduling',
        '供应链智能调度',
        'Intelligent supply-chain scheduling',
        '算法调度仓储、物流与库存。',
        'Algorithms schedule warehousing, logistics and inventory.',
      ],
    ],
  },
  {
    id: 'relationship-building',
    path: 'co',
    zh: '关系建构',
    en: 'Relationship building',
    dzh: '借助数字技术建立信任、寻找并筛选合作伙伴。',
    den: 'Using digital technology to build trust and to find and screen partners.',
    subs: [
      [
        'trust-basis',
        '建立信任基础',
        'Building a basis of trust',
        '以区块链等技术替代担保，降低建立信任的成本。',
        'Blockchain and similar tools replace guarantors and make trust cheaper to establish.',
      ],
      [
        'intelligent-matching',
        '智能匹配伙伴',
        'Intelligent partner matching',
        '依据数据自动匹配互补的合作方。',
        'Matching complementary partners automatically from data.',
      ],
      [
        'interactive-screening',
        '互动式筛选伙伴',
        'Interactive partner screening',
        '在平台互动中逐步筛选合适伙伴。',
        'Selecting suitable partners step by step through interaction on platforms.',
      ],
    ],
  },
  {
    id: 'resource-sharing',
    path: 'co',
    zh: '资源共享',
    en: 'Resource sharing',
    dzh: '在平台上交换技术、用户和数据资源。',
    den: 'Exchanging technology, users and data on platforms.',
    facts: {
      caseHaierHopeTechFields: '100+',
      caseHaierHopeExperts: '12万+',
      caseHaierHopeReachableResources: '100万+',
    },
    subs: [
      [
        'technology-exchange',
        '技术交流',
        'Technology exchange',
        '与初创企业、学术机构在开放平台上交流技术。',
        'Exchanging technology with start-ups and academic institutions on open platforms.',
      ],
      [
        'user-circles',
        '打通用户圈层',
        'Connecting user communities',
        '合作方之间互通用户群体。',
        'Partners open their user bases to one another.',
      ],
      [
        'data-sharing',
        '共享数据要素',
        'Sharing data',
        '按合作协议相互开放部分数据。',
        "Opening part of each other's data under cooperation agreements.",
      ],
    ],
  },
  {
    id: 'coordinated-cooperation',
    path: 'co',
    zh: '协调合作',
    en: 'Coordinated cooperation',
    dzh: '数据交互降低协调成本，使合作稳定持续。',
    den: 'Data exchange lowers coordination costs and keeps cooperation stable.',
    subs: [
      [
        'tacit-alignment',
        '行为默契',
        'Tacit behavioural alignment',
        '合作各方形成默契的行为方式。',
        'Partners develop a tacit way of working together.',
      ],
      [
        'easy-consensus',
        '容易达成共识',
        'Ease of reaching consensus',
        '信息透明使各方更快达成一致。',
        'Transparent information lets partners agree faster.',
      ],
      [
        'mutual-benefit',
        '利益互惠承诺',
        'Commitment to mutual benefit',
        '量化贡献、共享收益的承诺。',
        'Commitments to measure contributions and share gains.',
      ],
    ],
  },
  {
    id: 'opportunity-sensing',
    path: 'ib',
    zh: '机会感知',
    en: 'Opportunity sensing',
    dzh: '用数据扫描外部环境，更早识别创新机会。',
    den: 'Scanning the environment with data to spot innovation opportunities earlier.',
    subs: [
      [
        'market-trends',
        '识别市场趋势',
        'Identifying market trends',
        '从数据中判断市场走向。',
        'Reading market direction from data.',
      ],
      [
        'business-opportunities',
        '挖掘商业机会',
        'Mining business opportunities',
        '从用户与行业数据中发现可开发的机会。',
        'Finding opportunities in user and industry data.',
      ],
      [
        'digital-front-end',
        '数字前端探测',
        'Digital front-end probing',
        '在创新前端用数字工具探测需求和技术动向。',
        'Probing needs and technology trends with digital tools at the front end of innovation.',
      ],
    ],
  },
  {
    id: 'innovation-iteration',
    path: 'ib',
    zh: '创新迭代',
    en: 'Innovation iteration',
    dzh: '数字孪生、生成式人工智能和用户反馈支撑快速试错迭代。',
    den: 'Digital twins, generative AI and user feedback support fast trial-and-error iteration.',
    subs: [
      [
        'result-transfer',
        '创新成果转化',
        'Commercialising innovation results',
        '把研发成果转成产品和生产力。',
        'Turning research results into products and productive capacity.',
      ],
      [
        'data-driven-iteration',
        '数据催生迭代创新',
        'Data-spawned iterative innovation',
        '实时、可再生的数据推动持续迭代。',
        'Real-time, renewable data keeps iteration going.',
      ],
      [
        'feedback-iteration',
        '反馈式迭代',
        'Feedback-driven iteration',
        '依据用户与测试反馈不断改进。',
        'Improving continually from user and test feedback.',
      ],
    ],
  },
  {
    id: 'scarce-resource-capture',
    path: 'ib',
    zh: '稀缺资源捕获',
    en: 'Scarce-resource capture',
    dzh: '跨界搜索并编排创新所需的稀缺知识与资源。',
    den: 'Searching across boundaries for, and orchestrating, the scarce knowledge and resources innovation needs.',
    subs: [
      [
        'complementary-resources',
        '寻找互补性资源',
        'Seeking complementary resources',
        '寻找能补足自身短板的外部资源。',
        "Looking for outside resources that fill one's own gaps.",
      ],
      [
        'heterogeneous-knowledge',
        '异质性知识融合',
        'Fusing heterogeneous knowledge',
        '融合内外部不同来源的知识。',
        'Combining knowledge from different internal and external sources.',
      ],
      [
        'frontier-technology',
        '前沿技术捕获',
        'Capturing frontier technology',
        '及时获取前沿技术。',
        'Acquiring frontier technology early.',
      ],
    ],
  },
];
// ---- Per-path chains: context, factors, management mode, effect, outcomes, proposition ----
interface Chain {
  context: [string, string, string, string];
  factorsName: [string, string];
  factorsDesc: [string, string];
  laborer: [string, string, string, string];
  data: [string, string, string, string];
  tech: [string, string, string, string];
  mode: [string, string, string, string];
}
const CHAINS: Record<PathKey, Chain> = {
  qe: {
    context: [
      '效率瓶颈与提质增效需求的矛盾',
      'Contradiction between an efficiency bottleneck and the need for higher quality and efficiency',
      '粗放投入的边际收益递减、头部企业挤压与个性化高效交付的压力，使企业必须提升效率。',
      'Falling returns to extensive inputs, pressure from leading firms and demand for fast personalised delivery force the firm to raise efficiency.',
    ],
    factorsName: [
      '要素升级：数据赋能—技术驱动—人机协同',
      'Factor upgrade: data empowerment – technology drive – human–machine collaboration',
    ],
    factorsDesc: [
      '生产运营数据、先进制造技术与应用型劳动者相互依存，构成提质增效的基础。',
      'Operational data, advanced manufacturing technology and applied workers depend on one another and form the base of this path.',
    ],
    laborer: [
      '应用型劳动者',
      'Applied workers',
      '经数字技能培训、能与机器协同的从业者，也包括替代简单劳动的工业机器人。',
      'Workers trained in digital skills who collaborate with machines, together with industrial robots that take over simple work.',
    ],
    data: [
      '生产运营数据',
      'Production and operations data',
      '由传感网络实时采集的生产运营数据，是提质增效的核心要素。',
      'Production and operations data captured in real time by sensor networks; the core factor of this path.',
    ],
    tech: [
      '先进制造技术',
      'Advanced manufacturing technology',
      '与算法模型耦合、能自感知自决策的智能制造系统。',
      'Intelligent manufacturing systems that, coupled with algorithms, sense and decide by themselves.',
    ],
    mode: [
      '精细管理模式',
      'Lean (fine-grained) management mode',
      '细化目标、标准化流程、消除冗余环节，以生产运营效率为核心目标。',
      'Breaking goals down, standardising processes and removing redundant steps, with operational efficiency as the aim.',
    ],
  },
  co: {
    context: [
      '合作壁垒固化与交互合作需求的矛盾',
      'Contradiction between entrenched barriers to cooperation and the need to cooperate',
      '单个企业资源有限需要外部协作，但授权成本、泄密风险和控制权顾虑使合作浅层化、碎片化。',
      "A single firm's limited resources call for cooperation, yet licensing costs, leakage risks and control concerns keep cooperation shallow and fragmented.",
    ],
    factorsName: [
      '要素拓展：平台支撑—人才共创—数据融通',
      'Factor extension: platform support – co-creation by talent – data flow',
    ],
    factorsDesc: [
      '开放共享平台、协同型劳动者与平台共享数据相互支撑，构成合作基础。',
      'Open sharing platforms, collaborative workers and shared platform data support one another and form the base of cooperation.',
    ],
    laborer: [
      '协同型劳动者',
      'Collaborative workers',
      '能整合多元技能、切换角色、跨越组织边界协同共创的人才。',
      'People who integrate several skills, switch roles and co-create across organisational boundaries.',
    ],
    data: [
      '平台共享数据',
      'Shared platform data',
      '通过标准接口在企业间流通、消除数据孤岛的数据。',
      'Data that flows between firms through standard interfaces, removing data silos.',
    ],
    tech: [
      '平台搭建技术',
      'Platform-building technology',
      '以云计算、大数据、区块链等构建开放共享平台的技术。',
      'Cloud, big-data and blockchain technology used to build open sharing platforms.',
    ],
    mode: [
      '合作管理模式',
      'Cooperative management mode',
      '依托数字平台维护合作网络，强调关系多样、资源共享与结构柔性。',
      'Maintaining a cooperation network on digital platforms, with diverse relations, shared resources and a flexible structure.',
    ],
  },
  ib: {
    context: [
      '研发能力不足与创新突破需求的矛盾',
      'Contradiction between weak R&D capability and the need for innovation breakthroughs',
      '长期重引进轻研发与外部技术封锁造成“卡脖子”困局，企业须承担关键技术攻关。',
      'Long reliance on imported technology and foreign technology blockades create chokepoints, so firms must take on key-technology breakthroughs.',
    ],
    factorsName: [
      '要素聚集：数据驱动—技术引领—人才赋能',
      'Factor concentration: data drive – technology lead – talent empowerment',
    ],
    factorsDesc: [
      '创新稀缺数据、创新研发技术与创新型劳动者相互激发，构成创新支持体系。',
      'Scarce innovation data, R&D technology and innovative workers spur one another and form the innovation support system.',
    ],
    laborer: [
      '创新型劳动者',
      'Innovative workers',
      '具有批判性创新思维、能改造工具和方法并在试错中推动技术革新的人才。',
      'People with critical, inventive thinking who reshape tools and methods and push technology forward through trial and error.',
    ],
    data: [
      '创新稀缺数据',
      'Scarce innovation data',
      '作为创新链起点、率先激活创新动能的数据资源。',
      'Data that starts the innovation chain and first sets innovation in motion.',
    ],
    tech: [
      '创新研发技术',
      'Innovation R&D technology',
      '融入研发设计的高端技术与新产品、新技术孵化体系。',
      'High-end technology built into research and design, with incubation systems for new products and technologies.',
    ],
    mode: [
      '创新管理模式',
      'Innovation management mode',
      '以前沿探索和颠覆性创新能力为目标，变革创新流程、优化结构并培育容错文化。',
      'Aimed at frontier exploration and disruptive capability: reformed innovation processes, an adjusted structure and a culture that tolerates failure.',
    ],
  },
};

const EFFECTS: Record<
  PathKey,
  { id: string; zh: string; en: string; dzh: string; den: string; facts?: Record<string, string> }
> = {
  qe: {
    id: 's000.effect.production-acceleration',
    zh: '生产管理加速效应',
    en: 'Production-and-management acceleration effect',
    dzh: '生产反应更快，资源分配更准确，管理更加高效。',
    den: 'Production reacts faster, resources go where they are needed and management runs more efficiently.',
  },
  co: {
    id: 's000.effect.resource-linkage',
    zh: '资源关系联动效应',
    en: 'Resource-and-relationship linkage effect',
    dzh: '各方联系更紧，资源流动更顺畅，合作运行更平稳。',
    den: 'Partners are more tightly linked, resources move more smoothly and cooperation runs more steadily.',
    facts: { proposition2Name: '关系资源联动效应' },
  },
  ib: {
    id: 's000.effect.technology-breakthrough',
    zh: '关键技术突破效应',
    en: 'Key-technology breakthrough effect',
    dzh: '创新方向瞄得更准，创新资源来得更快，研发迭代所需时间缩短。',
    den: 'Innovation aims more accurately, innovation resources arrive faster and each R&D iteration takes less time.',
  },
};

const OUTCOMES: Array<{
  id: string;
  path: PathKey;
  parent: 'feature.quality' | 'feature.new';
  zh: string;
  en: string;
  dzh: string;
  den: string;
  facts?: Record<string, string | number>;
}> = [
  {
    id: 's000.outcome.high-efficiency',
    path: 'qe',
    parent: 'feature.quality',
    zh: '高效率',
    en: 'High efficiency',
    dzh: '突破效率瓶颈，最大化利用设备、能源与人力，缩短生产周期。',
    den: 'Breaking efficiency bottlenecks, using equipment, energy and labour to the full and shortening production cycles.',
    facts: { caseHaierProductionEfficiencyGainPct: 30, caseHaierInventoryTurnoverGainPct: 50 },
  },
  {
    id: 's000.outcome.high-flexibility',
    path: 'qe',
    parent: 'feature.quality',
    zh: '高柔性',
    en: 'High flexibility',
    dzh: '靠模块化设计和可重新配置的产线迅速应对需求变化，能按小批量、多品类、个性化定制的方式组织生产。',
    den: 'Responding fast to demand with modular design and reconfigurable lines: small batches, many variants, customisation.',
  },
  {
    id: 's000.outcome.high-collaboration',
    path: 'co',
    parent: 'feature.quality',
    zh: '高协同',
    en: 'High collaboration',
    dzh: '协同平台聚合资源、优化供需匹配，减少重复沟通与资源错配。',
    den: 'Collaboration platforms pool resources and improve matching, cutting repeated communication and misallocation.',
  },
  {
    id: 's000.outcome.new-model',
    path: 'co',
    parent: 'feature.new',
    zh: '新模式',
    en: 'New models',
    dzh: '合作由封闭链式走向开放网络，治理由合同管控走向数据驱动。',
    den: 'Cooperation moves from closed chains to open networks, governance from contracts to data-driven rules.',
  },
  {
    id: 's000.outcome.new-technology',
    path: 'ib',
    parent: 'feature.new',
    zh: '新技术',
    en: 'New technologies',
    dzh: '形成自主可控的技术研发能力，突破关键技术受制于人的局面。',
    den: 'Building independent, self-controlled R&D capability that ends dependence on others for key technologies.',
    facts: { caseDjiAgrasWorkedArea: '75亿亩次', caseDjiShareOfChinaFarmland: '约1/3' },
  },
  {
    id: 's000.outcome.new-business-form',
    path: 'ib',
    parent: 'feature.new',
    zh: '新业态',
    en: 'New business forms',
    dzh: '以技术创新拓展应用场景，形成新的经济组织形态和经营方式。',
    den: 'Technology innovation widens application scenarios and creates new forms of economic organisation and operation.',
  },
];

const PROPOSITIONS: Record<PathKey, [string, string, string, string]> = {
  qe: [
    '命题1',
    'Proposition 1',
    '效率低下与提质增效的要求相冲突时，三类要素分别升级为“应用型劳动者、生产运营数据、先进制造技术”；企业随之走向精细化管理，改进生产、供应链和办公管理，由此产生生产管理加速效应，以高效率和高柔性实现“质”的提升。',
    'The clash between low efficiency and the need for quality and efficiency upgrades factors to applied workers, operations data and advanced manufacturing; lean management then improves production, supply chain and office work, and the resulting acceleration effect brings high efficiency and flexibility, a leap in "quality".',
  ],
  co: [
    '命题2',
    'Proposition 2',
    '合作壁垒妨碍企业满足合作需要时，要素扩展为“协同型劳动者、平台共享数据、平台搭建技术”；企业改行合作式管理，开展“关系建构、资源共享、协调合作”，产生资源关系联动效应，带来高协同和新模式。',
    'The clash between entrenched barriers and the need to cooperate extends factors to collaborative workers, shared platform data and platform technology; cooperative management then builds relations, shares resources and coordinates, and the resulting linkage effect brings high collaboration and new models.',
  ],
  ib: [
    '命题3',
    'Proposition 3',
    '研发能力跟不上突破性创新的要求时，要素向“创新型劳动者、创新稀缺数据、创新研发技术”集中；企业转向创新管理，进行“机会感知、稀缺资源捕获、数智创新迭代”，产生关键技术突破效应，带来新技术和新业态。',
    'The clash between weak R&D and the need for breakthroughs concentrates factors in innovative workers, scarce innovation data and R&D technology; innovation management then senses opportunities, captures scarce resources and iterates, and the resulting breakthrough effect brings new technologies and new business forms.',
  ],
};

for (const k of Object.keys(PATHS) as PathKey[]) {
  const p = PATHS[k];
  const c = CHAINS[k];
  const base = `s000.${k === 'qe' ? 'quality-efficiency' : k === 'co' ? 'cooperation' : 'innovation'}`;
  const ctx = `${base}.context`,
    fac = `${base}.factors`,
    mode = `${base}.mode`;
  const lab = `${fac}.laborer`,
    dat = `${fac}.data`,
    tec = `${fac}.technology`;
  const cites = [p.sec, p.fig];
  add(
    node(ctx, 'stage', [c.context[0], c.context[1]], [c.context[2], c.context[3]], cites, {
      order: 1,
      tags: ['context'],
    }),
    node(fac, 'stage', c.factorsName, c.factorsDesc, cites, { order: 2, tags: ['preparation'] }),
    node(lab, 'factor', [c.laborer[0], c.laborer[1]], [c.laborer[2], c.laborer[3]], cites, { order: 1 }),
    node(dat, 'factor', [c.data[0], c.data[1]], [c.data[2], c.data[3]], cites, { order: 2 }),
    node(tec, 'factor', [c.tech[0], c.tech[1]], [c.tech[2], c.tech[3]], cites, { order: 3 }),
    node(mode, 'stage', [c.mode[0], c.mode[1]], [c.mode[2], c.mode[3]], cites, { order: 3, tags: ['preparation'] }),
  );
  const e = EFFECTS[k];
  add(
    node(e.id, 'effect', [e.zh, e.en], [e.dzh, e.den], [p.sec, p.fig, CONCLUSION], e.facts ? { facts: e.facts } : {}),
  );
  const pr = PROPOSITIONS[k];
  const propId = `s000.proposition.${k === 'qe' ? 1 : k === 'co' ? 2 : 3}`;
  add(node(propId, 'proposition', [pr[0], pr[1]], [pr[2], pr[3]], [p.prop, p.sec]));
  link(
    rel(p.id, 'contains', ctx),
    rel(p.id, 'contains', fac),
    rel(p.id, 'contains', mode),
    rel(fac, 'contains', lab),
    rel(fac, 'contains', dat),
    rel(fac, 'contains', tec),
    rel(ctx, 'precedes', fac, ['矛盾情境激活要素升级', 'the contradiction sets off the factor upgrade'], [p.prop]),
    rel(
      fac,
      'precedes',
      mode,
      ['为用好升级后的要素而变革管理模式', 'the management mode changes to make use of the upgraded factors'],
      [p.prop],
    ),
    rel(ctx, 'related-to', 's000.logic.context'),
    rel(fac, 'related-to', 's000.logic.preparation'),
    rel(mode, 'related-to', 's000.logic.preparation'),
    rel(e.id, 'related-to', 's000.logic.result'),
    rel(lab, 'related-to', 'factor.laborer'),
    rel(dat, 'related-to', 'factor.data'),
    rel(tec, 'related-to', 'factor.means'),
  );
  for (const m of MAINS.filter((x) => x.path === k)) {
    link(
      rel(mode, 'drives', `s000.main.${m.id}`, undefined, [p.prop]),
      rel(`s000.main.${m.id}`, 'drives', e.id, undefined, [p.prop]),
    );
  }
  for (const o of OUTCOMES.filter((x) => x.path === k)) link(rel(e.id, 'drives', o.id, undefined, [p.prop]));
}
OUTCOMES.forEach((o, i) => {
  add(
    node(o.id, 'outcome-feature', [o.zh, o.en], [o.dzh, o.den], [PATHS[o.path].sec, CONCLUSION, CONTRIB], {
      order: i + 1,
      tags: [o.parent === 'feature.quality' ? 'quality' : 'new'],
      ...(o.facts ? { facts: o.facts } : {}),
    }),
  );
  link(
    rel(o.parent, 'contains', o.id, ['种子 000 中企业层面的具体表现', 'its firm-level form in seed 000'], [CONTRIB]),
  );
});
MAINS.forEach((m, i) => {
  const mid = `s000.main.${m.id}`;
  add(
    node(mid, 'main-category', [m.zh, m.en], [m.dzh, m.den], [T3, T4, PATHS[m.path].sec], {
      order: i + 1,
      ...(m.facts ? { facts: m.facts } : {}),
    }),
  );
  link(
    rel(PATHS[m.path].id, 'contains', mid),
    rel(mid, 'related-to', 's000.logic.action', ['作用发挥过程的一部分', 'part of the taking-effect process'], [FIG1]),
  );
  m.subs.forEach(([sid, zh, en, dzh, den], j) => {
    const id = `s000.sub.${sid}`;
    add(node(id, 'sub-category', [zh, en], [dzh, den], TABLE2.has(zh) ? [T3, T2] : [T3], { order: j + 1 }));
    link(rel(mid, 'contains', id));
  });
});

// Children of each path in reading order: context, factors, mode (declared above), main categories
// (declared just before), then effect, outcome features and proposition.
for (const k of Object.keys(PATHS) as PathKey[]) {
  link(rel(PATHS[k].id, 'contains', EFFECTS[k].id));
  for (const o of OUTCOMES.filter((x) => x.path === k)) link(rel(PATHS[k].id, 'contains', o.id));
  link(rel(PATHS[k].id, 'contains', `s000.proposition.${k === 'qe' ? 1 : k === 'co' ? 2 : 3}`));
}
link(
  rel(
    's000.innovation.factors.laborer',
    'related-to',
    'concept.talent',
    ['创新型人才', 'innovative talent'],
    [PATHS.ib.sec],
  ),
  rel(
    's000.innovation.context',
    'related-to',
    'concept.key-technology',
    ['“卡脖子”困局', 'technology chokepoints'],
    [PATHS.ib.sec],
  ),
  rel(
    's000.outcome.new-technology',
    'related-to',
    'concept.key-technology',
    ['关键技术自主可控', 'independent control of key technologies'],
    [PATHS.ib.sec],
  ),
  rel('seed.000', 'related-to', 'level.firm', ['分析层面：企业', 'level of analysis: the firm']),
);

// ---- The reinforcing loop (Fig. 5) ----------------------------------------------------
add(
  node(
    's000.loop',
    'mechanism',
    [
      '“效率驱动—协同耦合—技术反哺”增强回路',
      'Reinforcing loop: efficiency drive – synergy coupling – technology feedback',
    ],
    [
      '三条路径并非并列，而是相互促进、首尾相接的增强回路，体现“以质育新、以新促质”的动态演化。',
      'The three paths are not parallel but feed one another in a closed reinforcing loop: quality nurtures the new and the new lifts quality.',
    ],
    [DISCUSSION, FIG5, CONTRIB],
    { order: 4 },
  ),
  node(
    's000.loop.efficiency-drive',
    'mechanism',
    ['效率驱动', 'Efficiency drive'],
    [
      '提质增效带来的效率与质量优势，使企业对产业链伙伴更有吸引力、谈判地位更强；腾出的产能和积累的能力为后续合作与创新打下基础。',
      'The efficiency and quality gains of the first path make the firm more attractive and stronger in bargaining, and freed capacity and built-up capabilities lay the ground for cooperation and innovation.',
    ],
    [DISCUSSION],
    { order: 1, facts: { from: 's000.path.quality-efficiency', to: 's000.path.cooperation, s000.path.innovation' } },
  ),
  node(
    's000.loop.synergy-coupling',
    'mechanism',
    ['协同耦合', 'Synergy coupling'],
    [
      '交互合作引入外部经验改进生产系统，并促成异质知识碰撞和跨领域技术渗透，反哺提质增效、推动创新突破。',
      'Cooperation brings in outside experience that improves the production system and lets heterogeneous knowledge meet across fields, feeding back into efficiency and pushing innovation.',
    ],
    [DISCUSSION],
    { order: 2, facts: { from: 's000.path.cooperation', to: 's000.path.quality-efficiency, s000.path.innovation' } },
  ),
  node(
    's000.loop.technology-feedback',
    'mechanism',
    ['技术反哺', 'Technology feedback'],
    [
      '创新突破的成果（如工业机器人、增强现实远程协作）嵌入生产和协作场景，提升效率与协同质量。',
      'Results of innovation (such as industrial robots or AR remote assistance) are built into production and collaboration, raising efficiency and the quality of cooperation.',
    ],
    [DISCUSSION],
    { order: 3, facts: { from: 's000.path.innovation', to: 's000.path.quality-efficiency, s000.path.cooperation' } },
  ),
  node(
    's000.loop.quality-nurtures-new',
    'mechanism',
    ['以质育新', 'Quality nurtures the new'],
    [
      '以“质”的突破为起点，为“新”的生成积累条件，是培育企业新质生产力的基础环节。',
      'Breakthroughs in quality come first and build up the conditions for the new; the foundation of cultivating firm NQPF.',
    ],
    [DISCUSSION, FIG5],
    { order: 4 },
  ),
  node(
    's000.loop.new-promotes-quality',
    'mechanism',
    ['以新促质', 'The new lifts quality'],
    [
      '以“新”为驱动推动“质”的跨越式提升，是培育成果的体现。',
      'The new drives a leap in quality; where the cultivation shows its results.',
    ],
    [DISCUSSION, FIG5],
    { order: 5 },
  ),
);
const QE = PATHS.qe.id,
  CO = PATHS.co.id,
  IB = PATHS.ib.id;
const note = (zh: string, en: string): [string, string] => [zh, en];
link(
  rel('seed.000', 'contains', 's000.loop'),
  rel('s000.loop', 'contains', 's000.loop.efficiency-drive'),
  rel('s000.loop', 'contains', 's000.loop.synergy-coupling'),
  rel('s000.loop', 'contains', 's000.loop.technology-feedback'),
  rel('s000.loop', 'contains', 's000.loop.quality-nurtures-new'),
  rel('s000.loop', 'contains', 's000.loop.new-promotes-quality'),
  rel(QE, 'drives', 's000.loop.efficiency-drive'),
  rel('s000.loop.efficiency-drive', 'reinforces', CO),
  rel('s000.loop.efficiency-drive', 'reinforces', IB),
  rel(CO, 'drives', 's000.loop.synergy-coupling'),
  rel('s000.loop.synergy-coupling', 'reinforces', QE),
  rel('s000.loop.synergy-coupling', 'reinforces', IB),
  rel(IB, 'drives', 's000.loop.technology-feedback'),
  rel('s000.loop.technology-feedback', 'reinforces', QE),
  rel('s000.loop.technology-feedback', 'reinforces', CO),
  rel(
    QE,
    'reinforces',
    CO,
    note('效率驱动：效率与质量优势为合作奠定基础', 'efficiency drive: efficiency and quality gains ground cooperation'),
    [DISCUSSION],
  ),
  rel(
    QE,
    'reinforces',
    IB,
    note(
      '效率驱动：释放的产能与沉淀的能力承载创新',
      'efficiency drive: freed capacity and built-up capability carry innovation',
    ),
    [DISCUSSION],
  ),
  rel(
    CO,
    'reinforces',
    QE,
    note('协同耦合：外部经验改进生产系统', 'synergy coupling: outside experience improves production'),
    [DISCUSSION],
  ),
  rel(
    CO,
    'reinforces',
    IB,
    note(
      '协同耦合：异质知识碰撞形成互补创新优势',
      'synergy coupling: heterogeneous knowledge yields complementary innovation',
    ),
    [DISCUSSION],
  ),
  rel(
    IB,
    'reinforces',
    QE,
    note('技术反哺：新技术嵌入生产提升效率', 'technology feedback: new technology in production raises efficiency'),
    [DISCUSSION],
  ),
  rel(
    IB,
    'reinforces',
    CO,
    note('技术反哺：场景重构提升远程协作效果', 'technology feedback: new scenarios improve remote collaboration'),
    [DISCUSSION],
  ),
  rel('feature.quality', 'reinforces', 'feature.new', note('以质育新', 'quality nurtures the new'), [DISCUSSION]),
  rel('feature.new', 'reinforces', 'feature.quality', note('以新促质', 'the new lifts quality'), [DISCUSSION]),
  rel('s000.loop.quality-nurtures-new', 'acts-on', 'feature.new'),
  rel('s000.loop.new-promotes-quality', 'acts-on', 'feature.quality'),
);

// ---- Practical advice --------------------------------------------------------------------
add(
  node(
    's000.practice',
    'practice-path',
    ['实践启示', 'Practical advice'],
    [
      '对企业培育新质生产力的四点建议，对应三条路径及其整体统筹。',
      'Four pieces of advice to firms, one for each path and one for combining them.',
    ],
    [PRACTICE],
    { order: 5 },
  ),
  node(
    's000.practice.digital-upgrade',
    'practice-path',
    ['加快生产与管理数字化升级', 'Digitalise production and management faster'],
    [
      '在生产和管理中深化人工智能、物联网应用，发挥数据要素的乘数效应。',
      'Use AI and IoT more deeply in production and management and let data multiply the value of other factors.',
    ],
    [PRACTICE],
    { order: 1 },
  ),
  node(
    's000.practice.ecosystem',
    'practice-path',
    ['探索跨界合作、打造生态圈', 'Seek cross-boundary cooperation and build an ecosystem'],
    [
      '搭建数字平台连接多元主体、共享资源，并经营关系网络。',
      'Build digital platforms that connect diverse actors and share resources, and cultivate a network of relations.',
    ],
    [PRACTICE],
    { order: 2 },
  ),
  node(
    's000.practice.disruptive-innovation',
    'practice-path',
    ['以数字化驱动颠覆性创新', 'Use digitalisation to drive disruptive innovation'],
    [
      '借助数字技术发现创新机会、改造创新流程，建立与之相适应的组织机制，再按用户的意见不断改进突破性技术。',
      'Use digital technology to seize opportunities and reshape innovation processes, with matching organisation, and keep refining breakthroughs from user feedback.',
    ],
    [PRACTICE],
    { order: 3 },
  ),
  node(
    's000.practice.trinity',
    'practice-path',
    ['构建“增效—合作—创新”三位一体赋能体系', 'Build an integrated efficiency–cooperation–innovation system'],
    ['统筹三条路径，打出培育企业新质生产力的组合拳。', 'Run the three paths together as one combined effort.'],
    [PRACTICE],
    { order: 4 },
  ),
);
link(
  rel('seed.000', 'contains', 's000.practice'),
  rel('s000.practice', 'contains', 's000.practice.digital-upgrade'),
  rel('s000.practice', 'contains', 's000.practice.ecosystem'),
  rel('s000.practice', 'contains', 's000.practice.disruptive-innovation'),
  rel('s000.practice', 'contains', 's000.practice.trinity'),
  rel('seed.000', 'recommends', 's000.practice'),
  rel('s000.practice.digital-upgrade', 'drives', QE),
  rel('s000.practice.digital-upgrade', 'related-to', 'factor.data'),
  rel('s000.practice.ecosystem', 'drives', CO),
  rel('s000.practice.disruptive-innovation', 'drives', IB),
  rel('s000.practice.trinity', 'drives', 's000.loop'),
);

/** Seed 000 as a framework part. */
export const seed000: FrameworkPart = { nodes, relations };
