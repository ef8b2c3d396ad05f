/**
 * Seed 002 — 张夏恒, 数字经济加速新质生产力生成的内在逻辑与实现路径 (西南大学学报, 2024).
 *
 * Macro level. The digital economy's three components (digital infrastructure,
 * digital management experience, digital production modes; 4 kinds each) give
 * technical, managerial and model innovation; they act on the four links of
 * social reproduction (生产, 分配, 流通, 消费). Four problems (each with three
 * sub-problems; the digital divide between subjects / industries / regions with
 * its facets) are answered by four realisation paths with three sub-paths each.
 */
import type { FrameworkNode, FrameworkPart, FrameworkRelation } from '../types.ts';
import { cite, node, rel } from '../common.ts';

/** Section headings of seed 002, verbatim (markdown markers stripped). */
const H = {
  review: '一、问题提出与文献综述',
  logic: '二、数字经济加速新质生产力生成的内在逻辑',
  fig1: '图 1 数字经济加速新质生产力生成的逻辑框架',
  infra: '(一)技术创新:数字基础设施为新质生产力生成提供底层支撑',
  mgmt: '(二)管理创新:数字管理经验为新质生产力生成提供管理范式',
  mode: '(三)模式创新:数字生产模式为新质生产力生成提供模式借鉴',
  links: '(四)数字经济加速新质生产力生成的环节建构',
  production: '1. 数字化生产,推动产业转型升级',
  distribution: '2. 数字化分配,扩大价值分配格局',
  circulation: '3. 数字化流通,提升要素流通效率',
  consumption: '4. 数字化消费,提升技术创新动力',
  problems: '三、数字经济加速新质生产力生成存在的问题',
  pKeyTech: '(一)关键技术创新不足限制新质生产力生成',
  pDivide: '(二)数字鸿沟亟待弥合阻碍新质生产力生成',
  pTalent: '(三)高端创新人才不足影响新质生产力生成',
  pGov: '(四)治理体系亟须完善制约新质生产力生成',
  paths: '四、数字经济加速新质生产力生成的实现路径',
  rKeyTech: '(一)提高关键技术创新能力,提升新质生产力生成的动力',
  rKeyTech1: '1. 提高创新能动性意识',
  rKeyTech2: '2. 加大政府的创新投入',
  rKeyTech3: '3. 建立创新成果转化体系',
  rDivide: '(二)弥合数字经济发展鸿沟,促进新质生产力生成的均衡',
  rDivide1: '1. 弥合不同创新主体间的数字鸿沟',
  rDivide2: '2. 弥合不同创新行业间的数字鸿沟',
  rDivide3: '3. 弥合不同创新地区间的数字鸿沟',
  rTalent: '(三) 优化创新人才培养体系,释放新质生产力生成的潜力',
  rTalent1: '1. 完善人才供给体系',
  rTalent2: '2. 完善创新人才激励机制',
  rTalent3: '3. 完善创新人才匹配机制',
  rGov: '(四)完善数字经济治理体系,降低新质生产力生成的风险',
  rGov1: '1. 完善创新法律法规',
  rGov2: '2. 改善创新环境',
  rGov3: '3. 完善创新多元共治体系',
  end: '五、结 语',
} as const;

const c = (section: string) => [cite('002', section)];

const nodes: FrameworkNode[] = [];
const relations: FrameworkRelation[] = [];
const add = (...n: FrameworkNode[]) => {
  nodes.push(...n);
};
const link = (...r: FrameworkRelation[]) => {
  relations.push(...r);
};

// ---------------------------------------------------------------------------
// Inner logic: three components → three kinds of innovation → four links
// ---------------------------------------------------------------------------
add(
  node(
    's002.framework',
    'system',
    ['数字经济加速新质生产力生成的逻辑框架', 'Logic framework: the digital economy accelerating NQPF'],
    [
      '数字经济的三个构件分别带来技术、管理与模式创新，并作用于社会再生产的四个环节，使生产力发生质变。',
      'The three components of the digital economy bring technical, managerial and model innovation and act on the four links of social reproduction, turning productive forces into a new quality.',
    ],
    [cite('002', H.fig1), cite('002', H.logic)],
    { tags: ['level:region'] },
  ),
  node(
    's002.innovation.technology',
    'mechanism',
    ['技术创新', 'Technical innovation'],
    [
      '生成新质生产力所依靠的三类创新之一，其底层支撑来自数字基础设施。',
      'One of the three kinds of innovation NQPF relies on; digital infrastructure is its underlying support.',
    ],
    c(H.infra),
    { order: 1 },
  ),
  node(
    's002.innovation.management',
    'mechanism',
    ['管理创新', 'Managerial innovation'],
    [
      '数字化情境下的管理变革，数字管理经验为其提供可沿用的范式。',
      'Change in how organisations are run under digital conditions; digital management experience supplies its paradigm.',
    ],
    c(H.mgmt),
    { order: 2 },
  ),
  node(
    's002.innovation.mode',
    'mechanism',
    ['模式创新', 'Model innovation'],
    [
      '生产模式层面的创新，数字生产模式为其提供可借鉴的样板。',
      'Innovation in production models, for which digital production modes offer templates to borrow.',
    ],
    c(H.mode),
    { order: 3 },
  ),
);
link(
  rel('seed.002', 'contains', 's002.framework'),
  rel('s002.framework', 'related-to', 'digital-economy'),
  rel(
    's002.framework',
    'drives',
    'nqpf',
    ['数字经济推动生产力发生质的变化', 'the digital economy drives the qualitative change of productive forces'],
    c(H.logic),
  ),
  rel('s002.framework', 'contains', 's002.innovation.technology'),
  rel('s002.framework', 'contains', 's002.innovation.management'),
  rel('s002.framework', 'contains', 's002.innovation.mode'),
  rel('s002.innovation.technology', 'drives', 'nqpf'),
  rel('s002.innovation.management', 'drives', 'nqpf'),
  rel('s002.innovation.mode', 'drives', 'nqpf'),
);

interface Kind {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  facts?: Record<string, string>;
}

function component(
  id: string,
  name: [string, string],
  desc: [string, string],
  section: string,
  innovation: string,
  kinds: Kind[],
): void {
  add(node(id, 'digital-economy-component', name, desc, c(section), { facts: { kinds: kinds.length } }));
  link(
    rel('s002.framework', 'contains', id),
    rel(
      'digital-economy',
      'contains',
      id,
      ['数字经济的关键构件', 'a key component of the digital economy'],
      c(H.logic),
    ),
    rel(id, 'drives', innovation),
  );
  kinds.forEach((k, i) => {
    add(
      node(`${id}.${k.id}`, 'digital-economy-component', [k.zh, k.en], [k.dzh, k.den], c(section), {
        order: i + 1,
        ...(k.facts ? { facts: k.facts } : {}),
      }),
    );
    link(rel(id, 'contains', `${id}.${k.id}`), rel(`${id}.${k.id}`, 'drives', innovation));
  });
}

component(
  's002.infrastructure',
  ['数字基础设施', 'Digital infrastructure'],
  [
    '技术创新的前提条件，也是新质生产力赖以生成的底层支撑；论文将其分为四类。',
    'The precondition of technical innovation and the underlying support of NQPF; the paper sorts it into four kinds.',
  ],
  H.infra,
  's002.innovation.technology',
  [
    {
      id: 'network',
      zh: '网络基础设施',
      en: 'Network infrastructure',
      dzh: '高速、低时延并覆盖全球的通信网络，使设备与人能实时交换数据，支撑智能制造、远程监测等新应用。',
      den: 'Fast, low-latency communication networks with global reach that let devices and people exchange data in real time, enabling smart manufacturing, remote monitoring and similar uses.',
      facts: { examples: '5G/6G; 工业互联网; 卫星互联网' },
    },
    {
      id: 'information-service',
      zh: '信息服务基础设施',
      en: 'Information-service infrastructure',
      dzh: '可弹性伸缩的计算与存储平台，多用户共享硬件，为应用创新和数据实验提供低成本环境。',
      den: 'Elastic computing and storage platforms shared by many tenants, giving application innovation and data experiments a low-cost test bed.',
      facts: { examples: '云计算中心; 大数据中心' },
    },
    {
      id: 'innovation-support',
      zh: '科技创新支撑类基础设施',
      en: 'Science-and-technology support infrastructure',
      dzh: '高性能计算设施，缩短复杂模型训练与科学模拟的时间，加快前沿领域研究。',
      den: 'High-performance computing that shortens the training of complex models and scientific simulation, speeding research in frontier fields.',
      facts: { examples: '超级计算中心(智能计算中心)' },
    },
    {
      id: 'critical-information',
      zh: '重要信息基础设施',
      en: 'Critical information infrastructure',
      dzh: '服务社会治理、公共服务和医疗、能源、金融等关键行业信息化的设施，推动智慧城市与数字政府建设。',
      den: 'Systems serving social governance, public services and the informatisation of key sectors such as health, energy and finance, underpinning smart cities and digital government.',
      facts: { examples: '社会治理; 公共服务; 关键行业信息化应用' },
    },
  ],
);

component(
  's002.management',
  ['数字管理经验', 'Digital management experience'],
  [
    '数字化条件下管理变革的要点，给新质生产力的形成提供可借鉴的管理模式；论文列出四种。',
    'The key to managerial innovation in the new digital setting and the management paradigm for NQPF; the paper names four kinds.',
  ],
  H.mgmt,
  's002.innovation.management',
  [
    {
      id: 'data-driven',
      zh: '数据化驱动',
      en: 'Data-driven management',
      dzh: '以数据支撑预测、决策和绩效评估，使判断更及时、客观，并走向人机协同决策。',
      den: 'Using data for forecasting, decisions and performance appraisal, making judgement timelier and more objective and moving towards human–AI joint decisions.',
    },
    {
      id: 'intelligent-upgrade',
      zh: '智能化升级',
      en: 'Intelligent upgrading',
      dzh: '由智能系统承担重复事务、提供预测分析和风险预警，让层级式管理转向开放式管理。',
      den: 'Intelligent systems take over routine work and provide predictive analysis and risk alerts, moving hierarchical management towards open management.',
    },
    {
      id: 'flexible-change',
      zh: '灵活化变革',
      en: 'Flexible transformation',
      dzh: '扁平化组织、跨职能团队与即时沟通，使决策去中心化并快速回应市场变化。',
      den: 'Flatter organisations, cross-functional teams and instant communication that decentralise decisions and respond quickly to market change.',
    },
    {
      id: 'agile',
      zh: '敏捷化管理',
      en: 'Agile management',
      dzh: '以迭代方式推进项目、灵活调配资源并可视化进度，提升对创新的响应速度。',
      den: 'Iterative project delivery, flexible resource allocation and visible progress tracking that speed the response to innovation.',
    },
  ],
);

component(
  's002.production-mode',
  ['数字生产模式', 'Digital production modes'],
  [
    '数字时代创新生产模式的基础，可供新质生产力生成借鉴；论文归纳为四种。',
    'The basis of production-model innovation in the digital era, offering NQPF models to borrow; the paper names four kinds.',
  ],
  H.mode,
  's002.innovation.mode',
  [
    {
      id: 'intelligent',
      zh: '智能生产模式',
      en: 'Intelligent production',
      dzh: '依托实时监控、自适应排产与全过程追溯来管理生产，减少差错并改进质量控制。',
      den: 'Production run with real-time monitoring, adaptive scheduling and end-to-end traceability, cutting errors and improving quality control.',
    },
    {
      id: 'personalized',
      zh: '个性生产模式',
      en: 'Personalised production',
      dzh: '让客户参与设计与制造，借助柔性制造满足多样需求，并带动品牌与营销创新。',
      den: 'Customers take part in design and manufacturing; flexible manufacturing meets varied needs and spurs brand and marketing innovation.',
    },
    {
      id: 'precise',
      zh: '精准生产模式',
      en: 'Precision production',
      dzh: '利用传感器、物联网和数字孪生精确掌握并优化生产过程，使质量管理更精细。',
      den: 'Sensors, IoT and digital twins give exact insight into and optimisation of the process, refining quality management.',
    },
    {
      id: 'green',
      zh: '绿色生产模式',
      en: 'Green production',
      dzh: '采用可再生原料、循环经济做法和节能技术，并以绿色认证推动生产规范化。',
      den: 'Renewable inputs, circular-economy practice and energy-efficient technology, with green certification standardising production.',
    },
  ],
);
link(rel('s002.production-mode.green', 'related-to', 'form.green'));

// The four links of social reproduction.
interface Aspect {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
}
const LINKS: { id: string; zh: string; en: string; dzh: string; den: string; section: string; aspects: Aspect[] }[] = [
  {
    id: 'production',
    zh: '生产环节',
    en: 'Production',
    section: H.production,
    dzh: '数字化生产通过推动产业转型升级加速新质生产力生成。',
    den: 'Digitalised production speeds up NQPF by pushing industrial transformation and upgrading.',
    aspects: [
      {
        id: 'modern-industry',
        zh: '构建现代化产业体系',
        en: 'Building a modern industrial system',
        dzh: '新型劳动资料赋能制造业，使企业向高附加值攀升、产业链重构、第三产业比重上升，并催生新型劳动者。',
        den: 'New means of labour empower manufacturing, lifting firms towards higher value added, restructuring industrial chains, raising the tertiary share and bringing forth new labourers.',
      },
      {
        id: 'division',
        zh: '推动产业分工与协作',
        en: 'Industrial division of labour and cooperation',
        dzh: '共享平台和数字映像打通供应链，降低分工的制度性成本，便于中小企业嵌入产业链。',
        den: 'Shared platforms and a digital image of the supply chain close its gaps, cut the institutional cost of specialisation and let SMEs join industrial chains.',
      },
    ],
  },
  {
    id: 'distribution',
    zh: '分配环节',
    en: 'Distribution',
    section: H.distribution,
    dzh: '数字化分配通过扩大价值分配格局推动新质生产力生成。',
    den: 'Digitalised distribution advances NQPF by widening the pattern of value distribution.',
    aspects: [
      {
        id: 'employment',
        zh: '扩大就业容量',
        en: 'Expanding employment capacity',
        dzh: '新兴数字产业、在线教育和数字平台创造新岗位，形成数字就业生态。',
        den: 'New digital industries, online education and digital platforms create jobs and a digital employment ecosystem.',
      },
      {
        id: 'pattern',
        zh: '优化分配格局',
        en: 'Optimising the distribution pattern',
        dzh: '低门槛与灵活就业机会以及数字金融服务，使就业与财富分配更均衡。',
        den: 'Low-threshold and flexible jobs plus digital financial services spread employment and wealth more evenly.',
      },
    ],
  },
  {
    id: 'circulation',
    zh: '流通环节',
    en: 'Circulation',
    section: H.circulation,
    dzh: '数字化流通让要素流动得更高效，从而推动新质生产力生成。',
    den: 'Digitalised circulation advances NQPF by making factors flow more efficiently.',
    aspects: [
      {
        id: 'infrastructure',
        zh: '基础设施提升要素流通效率',
        en: 'Infrastructure speeding factor flows',
        dzh: '网络、支付与招聘平台等数字设施加快信息、资金、人才和数据的流动，数据经处理后释放生产力效能。',
        den: 'Networks, payment systems and hiring platforms speed the flow of information, funds, talent and data; processed data releases productive power.',
      },
      {
        id: 'institutions',
        zh: '体制机制保障要素流通',
        en: 'Institutions securing factor flows',
        dzh: '高效的信息渠道、在线交易和共享经济等新配置方式降低要素流通的交易成本。',
        den: 'Efficient information channels, online trading and new allocation modes such as the sharing economy lower the transaction cost of factor flows.',
      },
    ],
  },
  {
    id: 'consumption',
    zh: '消费环节',
    en: 'Consumption',
    section: H.consumption,
    dzh: '数字化消费通过提升技术创新动力推动新质生产力生成。',
    den: 'Digitalised consumption advances NQPF by strengthening the impetus for technical innovation.',
    aspects: [
      {
        id: 'scenarios',
        zh: '创新消费场景',
        en: 'New consumption scenarios',
        dzh: '电子商务、共享平台和沉浸式体验带来新的消费场景，也激发企业研发。',
        den: "E-commerce, sharing platforms and immersive experiences open new consumption scenarios and spur firms' R&D.",
      },
      {
        id: 'upgrading',
        zh: '提升消费层次',
        en: 'Raising the level of consumption',
        dzh: '个性化定制、智能产品和数字内容提高消费品质，扩大的需求反过来拉动技术创新。',
        den: 'Customisation, smart products and digital content raise the quality of consumption; the larger demand in turn pulls technical innovation.',
      },
    ],
  },
];

LINKS.forEach((l, i) => {
  const id = `s002.link.${l.id}`;
  add(
    node(id, 'reproduction-link', [l.zh, l.en], [l.dzh, l.den], [cite('002', l.section), cite('002', H.links)], {
      order: i + 1,
    }),
  );
  link(rel('s002.framework', 'contains', id), rel(id, 'drives', 'nqpf'));
  for (const comp of ['s002.infrastructure', 's002.management', 's002.production-mode']) {
    link(rel(comp, 'acts-on', id));
  }
  l.aspects.forEach((a, j) => {
    add(node(`${id}.${a.id}`, 'mechanism', [a.zh, a.en], [a.dzh, a.den], c(l.section), { order: j + 1 }));
    link(rel(id, 'contains', `${id}.${a.id}`));
  });
});
link(
  rel('s002.link.production', 'precedes', 's002.link.distribution'),
  rel('s002.link.distribution', 'precedes', 's002.link.circulation'),
  rel('s002.link.circulation', 'precedes', 's002.link.consumption'),
  rel(
    's002.link.production.modern-industry',
    'related-to',
    'factor.means',
    [
      '论文把5G/6G、工业互联网、云计算等称为新劳动资料',
      'the paper calls 5G/6G, the industrial internet and cloud computing new means of labour',
    ],
    c(H.production),
  ),
  rel(
    's002.link.production.modern-industry',
    'drives',
    'factor.laborer',
    [
      '数字化转型催生掌握现代技术的新劳动者',
      'digital transformation brings forth new labourers versed in modern technology',
    ],
    c(H.production),
  ),
  rel(
    's002.link.circulation.infrastructure',
    'related-to',
    'factor.data',
    ['数据作为新型生产要素在各行业流通', 'data circulates across sectors as a new factor of production'],
    c(H.circulation),
  ),
  rel(
    's002.link.consumption.upgrading',
    'drives',
    's002.innovation.technology',
    ['消费扩大产生更多技术创新动力', 'growing consumption creates more impetus for technical innovation'],
    c(H.consumption),
  ),
);

// ---------------------------------------------------------------------------
// Problems (4, each with 3 sub-problems) and realisation paths (4 × 3)
// ---------------------------------------------------------------------------
add(
  node(
    's002.problems',
    'problem',
    ['数字经济加速新质生产力生成存在的问题', 'Problems in the digital economy accelerating NQPF'],
    [
      '制约数字经济发挥加速效应的四类现实障碍。',
      'The four practical obstacles that keep the digital economy from fully accelerating NQPF.',
    ],
    c(H.problems),
  ),
  node(
    's002.paths',
    'practice-path',
    ['数字经济加速新质生产力生成的实现路径', 'Realisation paths for the digital economy accelerating NQPF'],
    [
      '针对四类问题提出的四条推进路径，每条路径分三项着力点。',
      'Four paths answering the four problems, each with three lines of action.',
    ],
    c(H.paths),
  ),
);
link(
  rel('seed.002', 'contains', 's002.problems'),
  rel('seed.002', 'contains', 's002.paths'),
  rel('s002.problems', 'mitigated-by', 's002.paths'),
  rel(
    's002.problems',
    'hinders',
    's002.framework',
    ['这些问题削弱数字经济的加速效应', 'these problems weaken the accelerating effect of the digital economy'],
    c(H.problems),
  ),
);

interface Sub {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  section: string;
}
interface Pair {
  id: string;
  order: number;
  problem: { zh: string; en: string; dzh: string; den: string; section: string };
  path: {
    zh: string;
    en: string;
    dzh: string;
    den: string;
    section: string;
    aim: [string, string];
    facts?: Record<string, string>;
  };
  subProblems: Omit<Sub, 'section'>[];
  subPaths: Sub[];
}

const PAIRS: Pair[] = [
  {
    id: 'key-tech',
    order: 1,
    problem: {
      zh: '关键技术创新不足',
      en: 'Insufficient key-technology innovation',
      section: H.pKeyTech,
      dzh: '数字经济与制造业融合不深，关键技术的原创与转化能力不足，限制新质生产力生成。',
      den: 'Shallow integration of the digital economy with manufacturing and weak original and applied capacity in key technologies hold NQPF back.',
    },
    path: {
      zh: '提高关键技术创新能力',
      en: 'Raise key-technology innovation capacity',
      section: H.rKeyTech,
      dzh: '从意识、投入和成果转化三方面增强关键技术创新，为新质生产力生成提供动力。',
      den: 'Strengthen key-technology innovation in attitude, funding and commercialisation, giving NQPF its momentum.',
      aim: ['提升新质生产力生成的动力', 'momentum for NQPF'],
    },
    subProblems: [
      {
        id: 'awareness',
        zh: '创新能动意识不足',
        en: 'Weak drive to innovate',
        dzh: '传统观念压抑批判精神，科研评价偏重论文与经费，知识产权保护与转化激励不足，使人不愿投入长期高风险的关键技术攻关。',
        den: 'Traditional attitudes curb critical thinking, research evaluation rewards papers and grants, and IP protection and incentives are weak, so few take on long, risky key-technology work.',
      },
      {
        id: 'basic-research',
        zh: '基础研究投入不足',
        en: 'Under-investment in basic research',
        dzh: '对基础研究和应用研究投入偏低，原始创新能力缺失，战略性新兴产业发展滞后。',
        den: 'Low spending on basic and applied research leaves original innovation weak and strategic emerging industries lagging.',
      },
      {
        id: 'chain',
        zh: '创新链条尚未成熟',
        en: 'Immature innovation chain',
        dzh: '核心技术与产业链、价值链脱节，创新主体未形成合力，核心企业主体地位未确立，创新要素跨区域流动不畅。',
        den: 'Core technologies are cut off from industrial and value chains, innovators do not pull together, core firms do not lead, and innovation factors move poorly between regions.',
      },
    ],
    subPaths: [
      {
        id: 'awareness',
        zh: '提高创新能动性意识',
        en: 'Strengthen the drive to innovate',
        section: H.rKeyTech1,
        dzh: '以教育引导培养批判思维，破除“五唯”改革科研评价，并加强对创新者的保护与支持。',
        den: 'Cultivate critical thinking through education, reform research evaluation beyond the "five onlys", and protect and support innovators.',
      },
      {
        id: 'investment',
        zh: '加大政府的创新投入',
        en: 'More government investment in innovation',
        section: H.rKeyTech2,
        dzh: '持续增加基础研究投入、设立长期稳定的研究计划聚焦战略前沿领域，并以税收、财政和产权措施鼓励企业投入。',
        den: 'Raise basic-research funding steadily, run long-term programmes on strategic frontier fields, and encourage business R&D through tax, fiscal and IP measures.',
      },
      {
        id: 'transfer',
        zh: '建立创新成果转化体系',
        en: 'Build a system for commercialising results',
        section: H.rKeyTech3,
        dzh: '健全成果转化机制，组建创新联盟与共同体，确立核心企业在创新中的主体地位，改善创新要素流动环境。',
        den: 'Improve technology-transfer mechanisms, form innovation alliances and communities, put core firms at the centre of innovation and ease the flow of innovation factors.',
      },
    ],
  },
  {
    id: 'digital-divide',
    order: 2,
    problem: {
      zh: '数字鸿沟亟待弥合',
      en: 'Digital divides to be bridged',
      section: H.pDivide,
      dzh: '数字技术的应用在各类创新主体、各行业和各地区之间并不均衡，由此产生的数字鸿沟拖慢了新质生产力的形成。',
      den: 'Uneven use of digital technology opens divides between innovators, industries and regions that obstruct NQPF.',
    },
    path: {
      zh: '弥合数字经济发展鸿沟',
      en: 'Bridge the digital-economy divide',
      section: H.rDivide,
      dzh: '分别针对主体、行业和地区间的鸿沟采取措施，促进新质生产力均衡生成。',
      den: 'Measures aimed at the divides between innovators, industries and regions, for a balanced emergence of NQPF.',
      aim: ['促进新质生产力生成的均衡', 'balance in NQPF'],
    },
    subProblems: [
      {
        id: 'subjects',
        zh: '不同创新主体之间的数字鸿沟',
        en: 'Divide between innovating entities',
        dzh: '大型企业资源充足，而创业公司、中小企业和基层研究者难以获取所需的数字资源。',
        den: 'Large firms are well resourced, while start-ups, SMEs and grassroots researchers struggle to obtain the digital resources they need.',
      },
      {
        id: 'industries',
        zh: '不同行业之间的数字鸿沟',
        en: 'Divide between industries',
        dzh: '各行业在数字化程度、数据开放壁垒和技术能力上差距明显，数字资源获取不平衡。',
        den: 'Industries differ widely in digitalisation, data-access barriers and technical capacity, so digital resources are unevenly reached.',
      },
      {
        id: 'regions',
        zh: '不同地区之间的数字鸿沟',
        en: 'Divide between regions',
        dzh: '东西部、中心城市与后发城市在基础设施、信息渠道、数字能力和经济水平上存在差距。',
        den: 'East and west, hub and late-developing cities differ in infrastructure, information access, digital capability and economic level.',
      },
    ],
    subPaths: [
      {
        id: 'subjects',
        zh: '弥合不同创新主体间的数字鸿沟',
        en: 'Bridge the divide between innovating entities',
        section: H.rDivide1,
        dzh: '以共享平台、专项资金、培训交流和降低准入门槛扶持中小创新主体。',
        den: 'Support smaller innovators through shared platforms, dedicated funds, training and lower market-entry barriers.',
      },
      {
        id: 'industries',
        zh: '弥合不同创新行业间的数字鸿沟',
        en: 'Bridge the divide between industries',
        section: H.rDivide2,
        dzh: '推动跨行业合作共享、降低转型成本，并以数据安全规则平衡数据开放与保护。',
        den: 'Promote cross-industry cooperation, cut transformation costs and balance data openness with protection through security rules.',
      },
      {
        id: 'regions',
        zh: '弥合不同创新地区间的数字鸿沟',
        en: 'Bridge the divide between regions',
        section: H.rDivide3,
        dzh: '均衡布局基础设施、促进信息共享、培养数字能力，并向欠发达地区倾斜政策。',
        den: 'Spread infrastructure evenly, promote information sharing, build digital skills and tilt policy towards less developed regions.',
      },
    ],
  },
  {
    id: 'talent',
    order: 3,
    problem: {
      zh: '高端创新人才不足',
      en: 'Shortage of high-end innovative talent',
      section: H.pTalent,
      dzh: '人才的培养、激励和匹配机制都不完善，影响新质生产力生成。',
      den: 'Imperfect systems for training, rewarding and matching talent hamper NQPF.',
    },
    path: {
      zh: '优化创新人才培养体系',
      en: 'Improve the system for developing innovative talent',
      section: H.rTalent,
      dzh: '从人才的供给、激励与匹配三方面健全相关体系，让人才更充分地推动新质生产力形成。',
      den: "Improve the supply, incentives and matching of talent to release NQPF's potential.",
      aim: ['释放新质生产力生成的潜力', 'potential of NQPF'],
    },
    subProblems: [
      {
        id: 'cultivation',
        zh: '创新人才培养体系不完善',
        en: 'Imperfect training system',
        dzh: '教育重灌输轻实践，研究条件和导师资源不足，产学之间合作不紧密。',
        den: 'Teaching favours rote knowledge, research facilities and supervisors are lacking, and industry–academia ties are loose.',
      },
      {
        id: 'incentive',
        zh: '创新人才激励机制不完善',
        en: 'Imperfect incentives',
        dzh: '激励政策不连续，评价偏重论文数量，知识产权保护与成果转化机制不足。',
        den: 'Incentives are discontinuous, evaluation counts papers, and IP protection and commercialisation are weak.',
      },
      {
        id: 'matching',
        zh: '创新人才匹配机制不完善',
        en: 'Imperfect matching',
        dzh: '高端人才在产业界出路少，培养周期与市场需求错位，岗位与薪酬体系不完善导致流失。',
        den: 'Few industry openings for top talent, training cycles out of step with demand, and weak post and pay systems that drive talent away.',
      },
    ],
    subPaths: [
      {
        id: 'supply',
        zh: '完善人才供给体系',
        en: 'Improve talent supply',
        section: H.rTalent1,
        dzh: '改革教学模式、改善科研条件、加强导师队伍，并建立产学研合作的技能培训。',
        den: 'Reform teaching, upgrade research facilities, strengthen supervision and build industry–academia skills training.',
      },
      {
        id: 'incentive',
        zh: '完善创新人才激励机制',
        en: 'Improve talent incentives',
        section: H.rTalent2,
        dzh: '建立长期稳定的支持、多元化的数字化科研评价、简化的专利流程和市场化转化机制。',
        den: 'Provide long-term stable support, diversified digital research evaluation, simpler patenting and market-based commercialisation.',
      },
      {
        id: 'matching',
        zh: '完善创新人才匹配机制',
        en: 'Improve talent matching',
        section: H.rTalent3,
        dzh: '搭建产学研对接平台、预测人才需求并调整培养方向、完善岗位与薪酬体系以留住人才。',
        den: 'Build industry–research matching platforms, forecast demand to steer training, and improve posts and pay to retain talent.',
      },
    ],
  },
  {
    id: 'governance',
    order: 4,
    problem: {
      zh: '治理体系亟须完善',
      en: 'Governance system in need of improvement',
      section: H.pGov,
      dzh: '法律法规、创新环境和多元共治方面的短板制约新质生产力生成。',
      den: 'Gaps in law, in the innovation environment and in multi-party governance constrain NQPF.',
    },
    path: {
      zh: '完善数字经济治理体系',
      en: 'Improve digital-economy governance',
      section: H.rGov,
      dzh: '健全法规、改善环境、完善多元共治，以降低新质生产力生成过程中的风险。',
      den: 'Strengthen law, improve the environment and build multi-party governance to lower the risks of NQPF.',
      aim: ['降低新质生产力生成的风险', 'lower risk for NQPF'],
    },
    subProblems: [
      {
        id: 'law',
        zh: '创新法律法规亟待完善',
        en: 'Innovation law lagging',
        dzh: '知识产权执法不力，监管滞后于新兴产业创新，数据安全与隐私保护不到位。',
        den: 'IP enforcement is weak, regulation trails innovation in new industries, and data security and privacy are poorly protected.',
      },
      {
        id: 'environment',
        zh: '创新环境有待改善',
        en: 'Innovation environment to improve',
        dzh: '行政干预偏多，投融资渠道单一，知识产权的管理与转化能力不足。',
        den: 'Too much administrative intervention, narrow financing channels and weak IP management and commercialisation.',
      },
      {
        id: 'co-governance',
        zh: '创新多元共治体系存在障碍',
        en: 'Obstacles to multi-party co-governance',
        dzh: '各主体之间协调不足、权力与资源分配失衡，且缺乏透明度和问责。',
        den: 'Poor coordination among parties, unequal power and resources, and a lack of transparency and accountability.',
      },
    ],
    subPaths: [
      {
        id: 'law',
        zh: '完善创新法律法规',
        en: 'Improve innovation law',
        section: H.rGov1,
        dzh: '加大知识产权执法、建立监管快速响应机制、明确数据权益与保护责任，并参与国际规则协调。',
        den: 'Enforce IP more strongly, make regulation respond quickly, define data rights and duties, and join international rule-making.',
      },
      {
        id: 'environment',
        zh: '改善创新环境',
        en: 'Improve the innovation environment',
        section: H.rGov2,
        dzh: '建立公平透明的治理机制、拓宽多层次投融资渠道，并建立知识产权评估与交易机制。',
        den: 'Create fair and transparent governance, widen multi-level financing, and set up IP valuation and trading.',
      },
      {
        id: 'co-governance',
        zh: '完善创新多元共治体系',
        en: 'Improve multi-party co-governance',
        section: H.rGov3,
        dzh: '建立各方协调机制、公平分配权力与资源、全链条透明监管与问责，并引入社会与公众监督。',
        den: 'Set up coordination among parties, share power and resources fairly, make oversight transparent and accountable end to end, and bring in public scrutiny.',
      },
    ],
  },
];

for (const p of PAIRS) {
  const pid = `s002.problem.${p.id}`;
  const rid = `s002.path.${p.id}`;
  add(
    node(pid, 'problem', [p.problem.zh, p.problem.en], [p.problem.dzh, p.problem.den], c(p.problem.section), {
      order: p.order,
    }),
    node(rid, 'practice-path', [p.path.zh, p.path.en], [p.path.dzh, p.path.den], c(p.path.section), {
      order: p.order,
      ...(p.path.facts ? { facts: p.path.facts } : {}),
    }),
  );
  link(
    rel('s002.problems', 'contains', pid),
    rel('s002.paths', 'contains', rid),
    rel(
      pid,
      'hinders',
      'nqpf',
      [
        '论文把它列为制约新质生产力生成的四类现实问题之一',
        'the paper names it as one of the four practical problems that hold back the emergence of NQPF',
      ],
      c(p.problem.section),
    ),
    rel(pid, 'mitigated-by', rid),
    rel(rid, 'drives', 'nqpf', p.path.aim, c(p.path.section)),
  );
  p.subProblems.forEach((s, i) => {
    add(node(`${pid}.${s.id}`, 'problem', [s.zh, s.en], [s.dzh, s.den], c(p.problem.section), { order: i + 1 }));
    link(rel(pid, 'contains', `${pid}.${s.id}`));
  });
  p.subPaths.forEach((s, i) => {
    add(node(`${rid}.${s.id}`, 'practice-path', [s.zh, s.en], [s.dzh, s.den], c(s.section), { order: i + 1 }));
    link(
      rel(rid, 'contains', `${rid}.${s.id}`),
      rel(`${pid}.${p.subProblems[i]!.id}`, 'mitigated-by', `${rid}.${s.id}`),
    );
  });
}

// Government investment targets named by the paper (strings, kept as facts).
nodes.find((n) => n.id === 's002.path.key-tech.investment')!.facts = {
  fields: '传感器; 量子信息; 网络通信; 集成电路; 关键软件; 大数据; 人工智能; 区块链; 元宇宙; 新材料',
};

// Links to the shared concepts.
link(
  rel('s002.problem.key-tech', 'related-to', 'concept.key-technology'),
  rel(
    's002.path.key-tech',
    'drives',
    'concept.key-technology',
    ['提高关键技术创新能力', 'raises key-technology innovation capacity'],
    c(H.rKeyTech),
  ),
  rel('s002.problem.digital-divide', 'same-as', 'concept.digital-divide'),
  rel('s002.problem.digital-divide.subjects', 'related-to', 'level.firm'),
  rel('s002.problem.digital-divide.industries', 'related-to', 'level.industry'),
  rel('s002.problem.digital-divide.regions', 'related-to', 'level.region'),
  rel('s002.problem.talent', 'related-to', 'concept.talent'),
  rel(
    's002.path.talent',
    'drives',
    'concept.talent',
    ['优化创新人才培养体系', 'improves the development of innovative talent'],
    c(H.rTalent),
  ),
);

// What each problem holds back: the factors, forms and levels of NQPF.
// (The web app's diagnosis goes from a weak dimension to these relations.)
const hinders = (from: string, to: string, note: [string, string], ...sections: string[]) =>
  rel(
    from,
    'hinders',
    to,
    note,
    sections.map((s) => cite('002', s)),
  );
link(
  hinders(
    's002.problem.key-tech',
    'form.tech',
    [
      '论文以科技创新为新质生产力的内核，关键技术原创与转化能力不足直接削弱其科技形态',
      'the paper makes scientific innovation the core of NQPF, so weak original and applied capacity in key technologies weakens its technological form',
    ],
    H.pKeyTech,
    H.review,
  ),
  hinders(
    's002.problem.key-tech',
    'factor.means',
    [
      '装备制造业与数字经济的技术创新结合尚浅，使5G、工业互联网等新型劳动资料难以在制造中落地',
      'the digital economy and equipment manufacturing are poorly integrated in innovation, so new means of labour such as 5G and the industrial internet take hold slowly in production',
    ],
    H.pKeyTech,
    H.production,
  ),
  hinders(
    's002.problem.key-tech',
    'concept.key-technology',
    [
      '创新意识、基础研究投入和创新链条三方面的短板阻碍关键技术突破',
      'shortfalls in the drive to innovate, basic-research funding and the innovation chain block breakthroughs in key technologies',
    ],
    H.pKeyTech,
  ),
  hinders(
    's002.problem.key-tech.chain',
    'level.industry',
    [
      '核心技术脱离产业链、核心企业未成为创新主体，产业层面难以形成协同创新',
      'core technologies are cut off from the industrial chain and core firms do not lead innovation, so industries cannot innovate together',
    ],
    H.pKeyTech,
  ),
  hinders(
    's002.problem.digital-divide',
    'form.digital',
    [
      '各类主体、行业与地区获取数字资源和技术的机会不均，使新质生产力的数字形态发展失衡',
      'unequal access of actors, industries and regions to digital resources and technology leaves the digital form of NQPF unevenly developed',
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.digital-divide.subjects',
    'level.firm',
    [
      '创业公司和中小企业受资金、技术与准入所限难以获取数字资源，限制其创新与发展',
      'start-ups and SMEs, held back by money, skills and market access, cannot get the digital resources they need to innovate and grow',
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.digital-divide.industries',
    'level.industry',
    [
      '传统行业数字化程度低、行业间存在壁垒与技术差距，产业之间数字资源分布失衡',
      'traditional industries lag in digitalisation and barriers and skill gaps separate industries, so digital resources are unevenly spread across them',
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.digital-divide.industries.barriers',
    'factor.data',
    [
      '部分行业数据因隐私与法规受保护，其他行业无法取得，数据要素难以跨行业流动',
      "some industries' data is shielded by privacy and law, so other industries cannot obtain it and data does not flow between sectors",
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.digital-divide.regions',
    'level.region',
    [
      '东西部之间、中心城市与后发城市之间的数字鸿沟阻碍新质生产力在区域间均衡生成',
      'the digital divide between east and west and between hub and late-developing cities keeps NQPF from emerging evenly across regions',
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.digital-divide.regions.infrastructure',
    'factor.means',
    [
      '论文把网络、云计算等数字基础设施视为新型劳动资料，地区间配置差距使落后地区缺少这些劳动资料',
      'the paper treats networks, cloud computing and other digital infrastructure as new means of labour; regional gaps leave lagging regions short of them',
    ],
    H.pDivide,
    H.production,
  ),
  hinders(
    's002.problem.digital-divide.regions.capability',
    'factor.laborer',
    [
      '各地居民数字素养和技术能力参差不齐，部分地区缺少能用好数字资源的劳动者',
      'uneven digital literacy and skills mean some regions lack workers able to make good use of digital resources',
    ],
    H.pDivide,
  ),
  hinders(
    's002.problem.talent',
    'factor.laborer',
    [
      '论文认为新质生产力由“高素质”劳动者构成，而高端创新人才的培养、激励与匹配均不完善',
      'the paper sees NQPF as made of highly qualified labourers, while the training, incentives and matching of top innovative talent all fall short',
    ],
    H.pTalent,
    H.review,
  ),
  hinders(
    's002.problem.talent',
    'concept.talent',
    [
      '培养体系、激励机制与匹配机制的缺陷造成高端创新人才不足',
      'flaws in training, incentives and matching leave a shortage of top innovative talent',
    ],
    H.pTalent,
  ),
  hinders(
    's002.problem.governance',
    'form.tech',
    [
      '法规滞后、投融资与知识产权转化环境不佳、多元共治不畅，制约科技创新活动',
      'lagging law, a poor setting for financing and IP commercialisation, and weak co-governance constrain scientific and technological innovation',
    ],
    H.pGov,
  ),
  hinders(
    's002.problem.governance.law',
    'factor.data',
    [
      '缺少有效的数据保护与隐私规范，妨碍企业、研究机构和个人利用数据开展创新',
      'without effective data-protection and privacy rules, firms, institutes and individuals are held back from innovating with data',
    ],
    H.pGov,
  ),
);

// ---------------------------------------------------------------------------
// Facets of the three digital divides and the measures the paper pairs with them
// ---------------------------------------------------------------------------
interface Facet {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
}
interface Measure extends Facet {
  answers: string[];
}

function divide(
  which: 'subjects' | 'industries' | 'regions',
  section: string,
  facets: Facet[],
  measures: Measure[],
): void {
  const pid = `s002.problem.digital-divide.${which}`;
  const rid = `s002.path.digital-divide.${which}`;
  facets.forEach((f, i) => {
    add(
      node(`${pid}.${f.id}`, 'problem', [f.zh, f.en], [f.dzh, f.den], c(H.pDivide), { order: i + 1, tags: ['facet'] }),
    );
    link(rel(pid, 'contains', `${pid}.${f.id}`));
  });
  measures.forEach((m, i) => {
    add(
      node(`${rid}.${m.id}`, 'policy', [m.zh, m.en], [m.dzh, m.den], c(section), { order: i + 1, tags: ['measure'] }),
    );
    link(rel(rid, 'contains', `${rid}.${m.id}`));
    for (const a of m.answers) link(rel(`${pid}.${a}`, 'mitigated-by', `${rid}.${m.id}`));
  });
}

divide(
  'subjects',
  H.rDivide1,
  [
    {
      id: 'sme',
      zh: '创业公司与中小企业获取数字资源困难',
      en: 'Start-ups and SMEs lack digital resources',
      dzh: '资金、技术能力和市场准入的限制使小型主体难以取得必要的数字资源。',
      den: 'Limited money, skills and market access keep small firms from the digital resources they need.',
    },
    {
      id: 'academia',
      zh: '学术界获取数字资源受限',
      en: "Researchers' limited access to digital resources",
      dzh: '开放数据与共享平台仍有使用限制，多数基层研究者难以取得研究所需的数字资源。',
      den: 'Open data and shared platforms still come with restrictions, so most grassroots researchers cannot get the digital resources their work needs.',
    },
  ],
  [
    {
      id: 'sharing-platform',
      zh: '建立开放的数字资源共享平台',
      en: 'Open digital-resource sharing platform',
      answers: ['sme', 'academia'],
      dzh: '在保障权益的前提下，鼓励大企业开放部分数据、工具和创新资源给中小主体和学术界。',
      den: 'Encourage large firms, with their rights protected, to open some data, tools and innovation resources to smaller players and academia.',
    },
    {
      id: 'fund',
      zh: '设立专项基金或创新投资基金',
      en: 'Dedicated or innovation investment funds',
      answers: ['sme', 'academia'],
      dzh: '政府出资支持创业公司、中小企业和高校的数字创新项目。',
      den: 'Public money for digital-innovation projects of start-ups, SMEs and universities.',
    },
    {
      id: 'training',
      zh: '加强培训与交流',
      en: 'Training and exchange',
      answers: ['sme', 'academia'],
      dzh: '由行业专家和大企业技术团队通过研讨与课程向中小主体传授技能。',
      den: "Industry experts and large firms' technical teams pass on skills to smaller players through seminars and courses.",
    },
    {
      id: 'market-access',
      zh: '降低市场准入与运营成本',
      en: 'Lower market entry and operating costs',
      answers: ['sme'],
      dzh: '简化准入手续并提供优惠政策，鼓励中小主体参与数字技术创新。',
      den: 'Simplify entry procedures and offer preferential policies so smaller players join digital innovation.',
    },
  ],
);

divide(
  'industries',
  H.rDivide2,
  [
    {
      id: 'digitalization-level',
      zh: '行业数字化程度差异',
      en: 'Different levels of digitalisation',
      dzh: '技术密集型行业已建成先进设施，而传统行业设备覆盖率低、老化且改造成本高。',
      den: 'Technology-intensive industries have advanced facilities, while traditional ones have sparse, ageing equipment that is costly to upgrade.',
    },
    {
      id: 'barriers',
      zh: '行业间数字壁垒',
      en: 'Digital barriers between industries',
      dzh: '出于隐私安全和法规限制，部分行业数据受保护，其他行业难以获取。',
      den: "Privacy, security and legal limits protect some industries' data, keeping others from using it.",
    },
    {
      id: 'tech-gap',
      zh: '行业间技术差距',
      en: 'Technical gaps between industries',
      dzh: '技术能力与专业知识不同，使各行业获取和利用数字资源的能力不等。',
      den: 'Differences in skills and know-how leave industries unequally able to obtain and use digital resources.',
    },
  ],
  [
    {
      id: 'cooperation',
      zh: '鼓励跨行业合作与共享',
      en: 'Cross-industry cooperation and sharing',
      answers: ['tech-gap'],
      dzh: '由技术领先行业分享经验和案例，传统行业借鉴并适应，政府提供资金与协调。',
      den: 'Leading industries share experience and cases, traditional ones adapt them, and government funds and coordinates.',
    },
    {
      id: 'cost',
      zh: '降低数字化转型成本',
      en: 'Lower the cost of digital transformation',
      answers: ['digitalization-level'],
      dzh: '对传统和落后行业给予资金和税收优惠，普及数字基础设施以降低设备成本。',
      den: 'Funding and tax relief for traditional and lagging industries, and wider digital infrastructure to cut equipment costs.',
    },
    {
      id: 'data-security',
      zh: '加强数据安全与隐私保护',
      en: 'Data security and privacy protection',
      answers: ['barriers'],
      dzh: '为受保护数据建立安全共享机制和数据共享准则，平衡开放与保护。',
      den: 'Secure sharing mechanisms and data-sharing rules for protected data, balancing openness and protection.',
    },
  ],
);

divide(
  'regions',
  H.rDivide3,
  [
    {
      id: 'infrastructure',
      zh: '地区间基础设施差异',
      en: 'Infrastructure gaps between regions',
      dzh: '东部与西部、创新中心城市与后发城市之间数字基础设施配置差距显著。',
      den: 'Digital infrastructure differs markedly between east and west and between innovation hubs and late-developing cities.',
    },
    {
      id: 'information',
      zh: '地区间信息不对称',
      en: 'Information asymmetry between regions',
      dzh: '部分地区缺少获取和分享数字资源的渠道与平台。',
      den: 'Some regions lack channels and platforms for obtaining and sharing digital resources.',
    },
    {
      id: 'capability',
      zh: '数字技术能力和数字创新意识差异',
      en: 'Gaps in digital capability and awareness',
      dzh: '各地区科技水平和居民数字素养差距较大，一些地方用不好已有的数字资源。',
      den: 'Uneven technology levels and digital literacy leave some regions unable to use digital resources well.',
    },
    {
      id: 'economy',
      zh: '地区间经济发展差异',
      en: 'Economic development gaps',
      dzh: '发达地区在数字领域投入更多，进一步拉大与欠发达地区的差距。',
      den: 'Richer regions invest more in digitalisation, widening the gap with poorer ones.',
    },
  ],
  [
    {
      id: 'infrastructure',
      zh: '均衡数字基础设施建设',
      en: 'Balanced digital infrastructure',
      answers: ['infrastructure'],
      dzh: '增加欠发达地区与后发城市的网络、宽带和物联网投资。',
      den: 'Invest more in networks, broadband and IoT in less developed regions and late-developing cities.',
    },
    {
      id: 'info-sharing',
      zh: '促进信息共享和协作',
      en: 'Information sharing and collaboration',
      answers: ['information'],
      dzh: '建设开放平台促进跨地区信息对等流通，并以安全标准增强信任。',
      den: 'Open platforms for even cross-regional information flows, with security standards to build trust.',
    },
    {
      id: 'capability',
      zh: '加强数字能力培养',
      en: 'Build digital capability',
      answers: ['capability'],
      dzh: '开展数字素养培训，尤其加大欠发达地区的培训投入。',
      den: 'Digital-literacy training, with more investment in less developed regions.',
    },
    {
      id: 'policy-support',
      zh: '加大对欠发达地区的政策支持',
      en: 'Policy support for less developed regions',
      answers: ['economy'],
      dzh: '以专项基金和扶持机制引导投资和资源流向欠发达地区。',
      den: 'Dedicated funds and support schemes that steer investment and resources to less developed regions.',
    },
  ],
);

// ---------------------------------------------------------------------------
// Conclusion: where NQPF shows — strategic emerging and future industries
// ---------------------------------------------------------------------------
add(
  node(
    's002.emerging-future-industries',
    'system',
    ['战略性新兴产业与未来产业', 'Strategic emerging and future industries'],
    [
      '论文认为新质生产力主要体现在这两类产业的培育上，并列举了各自的代表领域。',
      'The paper sees NQPF chiefly in fostering these two groups of industries and names examples of each.',
    ],
    c(H.end),
    {
      facts: {
        strategic_emerging: '生物技术; 先进制造; 新材料; 新能源',
        future: '量子信息; 机器人; 人工智能; 卫星互联网; 工业互联网',
      },
    },
  ),
);
link(
  rel('seed.002', 'contains', 's002.emerging-future-industries'),
  rel(
    's002.emerging-future-industries',
    'related-to',
    'nqpf',
    ['新质生产力的产业载体', 'the industrial carriers of NQPF'],
    c(H.end),
  ),
  rel('s002.emerging-future-industries', 'related-to', 'ai'),
);

// Links to seeds 000 and 001 (same things, named at firm / industry level there).
link(
  rel('s001.path.policy-synergy.infrastructure', 'related-to', 's002.infrastructure', [
    '都主张完善数字基础设施',
    'both call for building out digital infrastructure',
  ]),
  rel('s001.path.policy-synergy.regional-coordination', 'related-to', 's002.path.digital-divide.regions', [
    '跨区域协同与弥合地区间数字鸿沟',
    'cross-regional coordination and bridging the regional divide',
  ]),
  rel('s001.path.flexible-organisation.flat-agile', 'related-to', 's002.management.flexible-change'),
  rel('s001.path.flexible-organisation.flat-agile', 'related-to', 's002.management.agile'),
  rel('s001.path.flexible-organisation.innovation-consortium', 'related-to', 's002.path.key-tech.transfer', [
    '创新联合体与创新联盟、创新共同体',
    'innovation consortia, alliances and communities',
  ]),
  rel('s001.risk.data-security', 'related-to', 's002.problem.governance.law', [
    '数据安全与隐私保护不足',
    'weak data security and privacy protection',
  ]),
);

export const seed002: FrameworkPart = { nodes, relations };
