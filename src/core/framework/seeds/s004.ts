/**
 * Seed 004 — 数字经济赋能新质生产力发展的理论逻辑与实践路径 (Hans, Chinese).
 *
 * Theory logic: the fit between the digital economy and NQPF, the rise of the
 * digital economy (data as the first factor), the digital economy as the answer
 * to NQPF's practical constraints (需求不足 / 供给过剩 / 预期偏弱 on the demand,
 * supply and environment side; infrastructure, chain coordination, upgrading,
 * regional balance), digital construction as a platform, and the logical route
 * (theory and practice). Practice paths: develop digital technology, cultivate
 * high-quality talent, build digital-empowerment system thinking, with their
 * sub-measures linked to the constraints they answer. The conclusion calls for
 * concrete cases and attention to regional and industry differences.
 */
import type { FrameworkNode, FrameworkPart, FrameworkRelation } from '../types.ts';
import { cite, node, rel } from '../common.ts';

/** Section headings of seed 004, verbatim (numbered heading lines of the file). */
const H = {
  meaning: '2. 新质生产力的发展和内涵',
  theory: '3. 数字经济赋能新质生产力发展的理论逻辑',
  basis: '3.1. 数字经济赋能新质生产力的理论基础',
  fit: '3.1.1. 数字经济与新质生产力的契合',
  rise: '3.1.2. 数字经济的崛起和信息技术的突破',
  solution: '3.1.3. 数字经济是新质生产力发展现实约束的解决方案',
  platform: '3.1.4. 数字建设为新质生产力形成发展提供平台',
  route: '3.2. 数字经济赋能新质生产力发展的逻辑进路',
  paths: '4. 数字经济赋能新质生产力发展的实践路径',
  tech: '4.1. 发展数字技术',
  talent: '4.2. 培养高素质人才',
  system: '4.3. 构建数字赋能系统思维',
  end: '5. 总结',
} as const;

const c = (...sections: string[]) => sections.map((s) => cite('004', s));

const nodes: FrameworkNode[] = [];
const relations: FrameworkRelation[] = [];
const add = (...n: FrameworkNode[]) => {
  nodes.push(...n);
};
const link = (...r: FrameworkRelation[]) => {
  relations.push(...r);
};

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
  kind: FrameworkNode['kind'],
  sections: string[],
  items: Item[],
  tags?: string[],
): void {
  items.forEach((it, i) => {
    const id = `${parent}.${it.id}`;
    add(
      node(id, kind, [it.zh, it.en], [it.dzh, it.den], c(...sections), {
        order: i + 1,
        ...(it.facts ? { facts: it.facts } : {}),
        ...(tags ? { tags } : {}),
      }),
    );
    link(rel(parent, 'contains', id));
  });
}

// ---------------------------------------------------------------------------
// Meaning of NQPF as the paper reads it
// ---------------------------------------------------------------------------
add(
  node(
    's004.meaning',
    'characteristic',
    ['新质生产力的内涵', 'What NQPF means (seed 004)'],
    [
      '论文视新质生产力为马克思主义生产力理论的继承与创新发展，并分别解释了“新”与“质”。',
      'The paper reads NQPF as a development of Marxist productive-force theory and explains its "new" and its "quality" in turn.',
    ],
    c(H.meaning),
  ),
);
children(
  's004.meaning',
  'characteristic',
  [H.meaning],
  [
    {
      id: 'new',
      zh: '“新”：科技与创新驱动的飞跃',
      en: '"New": a leap driven by science and innovation',
      dzh: '指生产力在科技与创新推动下实现跃升，带来更先进的产业和模式突破。',
      den: 'A jump in productive forces propelled by science and innovation, producing more advanced industries and models.',
    },
    {
      id: 'quality',
      zh: '“质”：质量、效率与动能之变',
      en: '"Quality": change in quality, efficiency and momentum',
      dzh: '指生产方式和增长在质量、效率和动能上相对传统的转变，以更好满足美好生活需要。',
      den: "A shift of production and growth away from the traditional in quality, efficiency and momentum, better serving people's wish for a good life.",
    },
  ],
);
add(
  node(
    's004.data-algorithm-compute',
    'characteristic',
    ['“数据 + 算法 + 算力”', '"Data + algorithms + computing power"'],
    [
      '数字经济时代，数据、算法与算力三者居于价值链高端，是推动创新范式变革的核心力量。',
      'In the digital economy the trio of data, algorithms and computing power sits at the top of the value chain and drives the change of innovation paradigm.',
    ],
    c(H.meaning),
  ),
);
link(
  rel('seed.004', 'contains', 's004.meaning'),
  rel('seed.004', 'contains', 's004.data-algorithm-compute'),
  rel('s004.meaning', 'related-to', 'nqpf'),
  rel('s004.meaning.new', 'related-to', 'feature.new'),
  rel('s004.meaning.quality', 'related-to', 'feature.quality'),
  rel('s004.data-algorithm-compute', 'drives', 'nqpf'),
  rel('s004.data-algorithm-compute', 'related-to', 'factor.data'),
  rel('s004.data-algorithm-compute', 'related-to', 's003.ai.data-driven', [
    '同一组三要素：数据、算法、算力（论文003）',
    'the same triad of data, algorithms and compute (seed 003)',
  ]),
  rel('s004.data-algorithm-compute', 'related-to', 's003.ai.algorithm'),
  rel('s004.data-algorithm-compute', 'related-to', 's003.ai.compute'),
);

// ---------------------------------------------------------------------------
// Theory logic: basis (fit, rise, constraints & solution, platform) and route
// ---------------------------------------------------------------------------
add(
  node(
    's004.theory',
    'system',
    ['数字经济赋能新质生产力发展的理论逻辑', 'Theory logic of the digital economy empowering NQPF'],
    [
      '论证数字经济为何能赋能新质生产力：先讲理论基础，再讲由理论认识和实践问题两层展开的逻辑进路。',
      'Why the digital economy can empower NQPF: first the theoretical basis, then a logical route unfolding on the levels of theory and of practical problems.',
    ],
    c(H.theory),
  ),
  node(
    's004.theory.basis',
    'mechanism',
    ['理论基础', 'Theoretical basis'],
    [
      '由二者的契合、数字经济的崛起、对现实约束的化解和数字建设的平台作用四部分组成。',
      'Four parts: the fit between the two, the rise of the digital economy, its answer to practical constraints, and digital construction as a platform.',
    ],
    c(H.basis),
  ),
  node(
    's004.fit',
    'mechanism',
    ['数字经济与新质生产力的契合', 'Fit between the digital economy and NQPF'],
    [
      '数字经济同样兼具高科技、高效能、高质量的特征，并经由多条途径支撑新质生产力，因此新质生产力被视为数字经济时代的生产力。',
      'The digital economy shares the high-tech, high-efficiency, high-quality traits and supports NQPF along several routes, so NQPF is seen as the productive force of the digital era.',
    ],
    c(H.fit),
    { order: 1, facts: { shared_traits: '高科技; 高效能; 高质量', routes: 6 } },
  ),
  node(
    's004.rise',
    'mechanism',
    ['数字经济的崛起和信息技术的突破', 'Rise of the digital economy and breakthroughs in IT'],
    [
      '数字经济推动各行业数字化，使数据成为关键生产要素；数字化与数字创新提高全要素生产率，助推三要素及其组合的跃升。',
      'The digital economy digitalises every sector and makes data a key factor; digitalisation and digital innovation raise TFP and lift the three factors and their combination.',
    ],
    c(H.rise),
    { order: 2, facts: { leading_fields: '大数据; 移动互联网; 人工智能' } },
  ),
  node(
    's004.solution',
    'mechanism',
    ['数字经济是现实约束的解决方案', 'The digital economy as the answer to practical constraints'],
    [
      '数字经济由技术与制度创新双轮驱动，其在需求侧、供给侧和环境侧的功能恰好对应新质生产力面临的约束。',
      'Driven by both technical and institutional innovation, the digital economy works on the demand, supply and environment side in ways that match the constraints NQPF faces.',
    ],
    c(H.solution),
    { order: 3 },
  ),
  node(
    's004.platform',
    'mechanism',
    ['数字建设为新质生产力提供平台', 'Digital construction as a platform for NQPF'],
    [
      '数字产业化与产业数字化、信息通信基础设施、持续的技术创新和跨界资源整合，共同为新质生产力提供平台。',
      'Digital industrialisation and industrial digitalisation, ICT infrastructure, continuing technical innovation and cross-sector pooling of resources together give NQPF a platform.',
    ],
    c(H.platform),
    { order: 4, facts: { new_forms: '共享经济; 平台经济; 远程办公' } },
  ),
);
link(
  rel('seed.004', 'contains', 's004.theory'),
  rel('s004.theory', 'related-to', 'digital-economy'),
  rel(
    's004.theory',
    'drives',
    'nqpf',
    ['数字经济给新质生产力注入发展动力', 'the digital economy empowers NQPF'],
    c(H.theory),
  ),
  rel('s004.theory', 'contains', 's004.theory.basis'),
  rel('s004.theory.basis', 'contains', 's004.fit'),
  rel('s004.theory.basis', 'contains', 's004.rise'),
  rel('s004.theory.basis', 'contains', 's004.solution'),
  rel('s004.theory.basis', 'contains', 's004.platform'),
  rel('s004.fit', 'related-to', 'digital-economy'),
  rel(
    's004.rise',
    'drives',
    'tfp',
    ['数字化与数字创新提升全要素生产率', 'digitalisation and digital innovation raise TFP'],
    c(H.rise),
  ),
  rel('s004.rise', 'drives', 'factor.combination'),
  rel(
    's004.rise',
    'related-to',
    'factor.data',
    ['数据成为数字经济的第一要素', 'data becomes the first factor of the digital economy'],
    c(H.rise),
  ),
  rel('s004.platform', 'drives', 'nqpf'),
);

children(
  's004.fit',
  'path',
  [H.fit],
  [
    {
      id: 'tech-innovation',
      zh: '技术创新引领',
      en: 'Technology-led innovation',
      dzh: '以技术创新引领为新质生产力提供支撑的途径。',
      den: 'Support for NQPF through leadership in technical innovation.',
    },
    {
      id: 'transformation',
      zh: '数字化转型与产业升级',
      en: 'Digital transformation and industrial upgrading',
      dzh: '借数字化转型带动产业升级的途径。',
      den: 'Support through digital transformation that upgrades industries.',
    },
    {
      id: 'data-value',
      zh: '数据要素价值释放',
      en: 'Releasing the value of data',
      dzh: '释放数据要素价值以支撑新质生产力的途径。',
      den: 'Support by unlocking the value of data as a factor.',
    },
    {
      id: 'digitalization',
      zh: '产业数字化与数字产业化',
      en: 'Industrial digitalisation and digital industrialisation',
      dzh: '传统产业数字化和数字技术产业化并进的途径。',
      den: 'Support by digitalising industry and industrialising digital technology.',
    },
    {
      id: 'policy-ecosystem',
      zh: '政策支持与生态建设',
      en: 'Policy support and ecosystem building',
      dzh: '以政策和生态建设营造发展条件的途径。',
      den: 'Support by policy and by building an ecosystem.',
    },
    {
      id: 'talent',
      zh: '人才培养与引进',
      en: 'Training and attracting talent',
      dzh: '通过培养和引进人才支撑新质生产力的途径。',
      den: 'Support by developing and attracting talent.',
    },
  ],
);
link(
  rel('s004.fit.data-value', 'related-to', 'factor.data'),
  rel('s004.fit.talent', 'related-to', 'concept.talent'),
  rel('s004.fit.digitalization', 'related-to', 'digitalization'),
);

// DE functions on the three sides and the constraints they answer.
children(
  's004.solution',
  'mechanism',
  [H.solution],
  [
    {
      id: 'demand',
      zh: '数字经济的需求侧功能',
      en: 'Demand-side function of the digital economy',
      dzh: '数字经济在需求侧发挥的作用，对应需求不足的约束。',
      den: 'What the digital economy does on the demand side, answering weak demand.',
    },
    {
      id: 'supply',
      zh: '数字经济的供给侧功能',
      en: 'Supply-side function of the digital economy',
      dzh: '数字经济在供给侧发挥的作用，对应供给过剩的约束。',
      den: 'What the digital economy does on the supply side, answering excess supply.',
    },
    {
      id: 'environment',
      zh: '数字经济的环境侧功能',
      en: 'Environment-side function of the digital economy',
      dzh: '数字经济在环境侧发挥的作用，对应预期偏弱的约束。',
      den: 'What the digital economy does on the environment side, answering weak expectations.',
    },
  ],
);

add(
  node(
    's004.constraints',
    'problem',
    ['新质生产力发展的现实约束', 'Practical constraints on NQPF'],
    [
      '论文列出的新质生产力发展所受约束：需求、供给、环境三侧的三重约束，以及研发投入、产业链协同、基础设施、产业升级与区域平衡等问题。',
      'The constraints the paper names: the triple constraint on the demand, supply and environment side, plus R&D input, infrastructure, chain coordination, upgrading and regional balance.',
    ],
    c(H.solution),
  ),
);
link(
  rel('s004.theory.basis', 'contains', 's004.constraints'),
  rel(
    's004.constraints',
    'hinders',
    'nqpf',
    ['论文称这些是新质生产力在现实发展中遭遇的约束', 'the paper calls these the constraints NQPF meets in practice'],
    c(H.solution),
  ),
  rel(
    's004.constraints',
    'mitigated-by',
    's004.solution',
    ['新质生产力的现实约束应由数字经济缓解', "the digital economy should ease NQPF's practical constraints"],
    c(H.solution),
  ),
  rel('s004.constraints', 'mitigated-by', 's004.paths'),
);
add(
  node(
    's004.constraint.triple',
    'problem',
    ['“需求不足、供给过剩、预期偏弱”三重约束', 'Triple constraint: weak demand, excess supply, weak expectations'],
    [
      '新质生产力在需求侧、供给侧和环境侧各自面临的约束。',
      'The constraints NQPF meets on the demand, supply and environment side respectively.',
    ],
    c(H.solution),
    { order: 1, facts: { sides: 3 } },
  ),
);
link(rel('s004.constraints', 'contains', 's004.constraint.triple'));
children(
  's004.constraint.triple',
  'problem',
  [H.solution],
  [
    {
      id: 'demand',
      zh: '需求侧约束：需求不足',
      en: 'Demand side: weak demand',
      dzh: '有效需求不足，限制新质生产力的市场空间。',
      den: 'Insufficient effective demand limits the market room for NQPF.',
    },
    {
      id: 'supply',
      zh: '供给侧约束：供给过剩',
      en: 'Supply side: excess supply',
      dzh: '供给相对需求过剩，既有产能难以消化。',
      den: 'Supply outruns demand, leaving existing capacity hard to absorb.',
    },
    {
      id: 'environment',
      zh: '环境侧约束：预期偏弱',
      en: 'Environment side: weak expectations',
      dzh: '市场预期偏弱，抑制投资与创新意愿。',
      den: 'Weak expectations dampen the will to invest and innovate.',
    },
  ],
  ['side'],
);

const NAMED: Item[] = [
  {
    id: 'rd-input',
    zh: '创新与研发投入不足',
    en: 'Insufficient innovation and R&D input',
    dzh: '创新研发投入不足，科研投入的结构问题又抑制基础研究和创新产出。',
    den: 'Too little is spent on innovation and R&D, and the structure of research spending further holds back basic research and innovative output.',
  },
  {
    id: 'infrastructure',
    zh: '基础设施不完善与研发创新平台不足',
    en: 'Incomplete infrastructure and too few R&D platforms',
    dzh: '基础设施和研发创新平台的短缺是制约新型生产力产业的关键缺陷。',
    den: 'Gaps in infrastructure and in R&D platforms are a key weakness holding back new productive industries.',
  },
  {
    id: 'chain-synergy',
    zh: '产业链协同发展难题',
    en: 'Difficulty coordinating industrial chains',
    dzh: '产业链上下游难以协同发展。',
    den: 'Upstream and downstream parts of industrial chains struggle to develop in step.',
  },
  {
    id: 'industry-upgrade',
    zh: '传统产业升级压力',
    en: 'Pressure to upgrade traditional industries',
    dzh: '传统产业面临转型升级的压力。',
    den: 'Traditional industries are under pressure to transform and upgrade.',
  },
  {
    id: 'regional-imbalance',
    zh: '区域发展不平衡',
    en: 'Unbalanced regional development',
    dzh: '各地区发展不平衡，制约新质生产力的整体形成。',
    den: 'Uneven development across regions constrains NQPF as a whole.',
  },
];
NAMED.forEach((it, i) => {
  const id = `s004.constraint.${it.id}`;
  add(node(id, 'problem', [it.zh, it.en], [it.dzh, it.den], c(H.solution), { order: i + 2 }));
  link(rel('s004.constraints', 'contains', id));
});

children(
  's004.platform',
  'mechanism',
  [H.platform],
  [
    {
      id: 'digital-industrialization',
      zh: '数字产业化',
      en: 'Digital industrialisation',
      dzh: '数字技术本身形成产业，是现代产业体系建设的方向之一。',
      den: 'Digital technology becoming industries in its own right — one direction of the modern industrial system.',
    },
    {
      id: 'industrial-digitalization',
      zh: '产业数字化',
      en: 'Industrial digitalisation',
      dzh: '数字技术渗透传统产业并推动其转型，带来新业态与新增长点。',
      den: 'Digital technology permeating and transforming traditional industries, creating new business forms and growth points.',
    },
    {
      id: 'infrastructure',
      zh: '信息通信基础设施支持',
      en: 'ICT infrastructure support',
      dzh: '普及云计算、大数据和人工智能等信息通信技术，为生产提供先进工具与管理手段。',
      den: 'Spreading ICT such as cloud, big data and AI gives production advanced tools and management means.',
    },
    {
      id: 'innovation-impetus',
      zh: '技术创新的持续动力',
      en: 'Continuing impetus from technical innovation',
      dzh: '工业互联网平台以及智慧教育、智能制造与智慧医疗等领域不断更新技术并积累实践经验。',
      den: 'Industrial-internet platforms and smart education, manufacturing and healthcare keep renewing technology and building practical experience.',
      facts: { fields: '工业互联网平台; 智慧教育; 智能制造; 智慧医疗' },
    },
    {
      id: 'integration',
      zh: '资源整合与跨界融合',
      en: 'Resource pooling and cross-sector fusion',
      dzh: '全球化下的数字建设促进资源共享和跨行业协同，为新质生产力打开更大市场与空间。',
      den: 'Digital construction in a global setting promotes resource sharing and cross-industry cooperation, widening markets and room for NQPF.',
    },
  ],
);
link(
  rel('s004.platform.digital-industrialization', 'related-to', 'digitalization'),
  rel('s004.platform.industrial-digitalization', 'related-to', 'digitalization'),
  rel('s004.platform.infrastructure', 'related-to', 's002.infrastructure', [
    '即论文002所说的数字基础设施',
    'the digital infrastructure of seed 002',
  ]),
);

// Logical route: theory level and practice level.
add(
  node(
    's004.theory.route',
    'mechanism',
    ['数字经济赋能新质生产力发展的逻辑进路', 'Logical route of the digital economy empowering NQPF'],
    [
      '论证从理论认识创新和实践问题导向两个层面展开。',
      'The argument unfolds on two levels: innovation in theoretical understanding and orientation to practical problems.',
    ],
    c(H.route),
  ),
);
link(rel('s004.theory', 'contains', 's004.theory.route'));
children(
  's004.theory.route',
  'mechanism',
  [H.route],
  [
    {
      id: 'theory',
      zh: '理论认识创新',
      en: 'Innovation in theoretical understanding',
      dzh: '从唯物史观出发，认为数字经济提供了新的生产力发展路径，并以新产业、新业态、新模式和新服务为载体。',
      den: 'From historical materialism: the digital economy opens a new path for productive forces, carried by new industries, business forms, models and services.',
      facts: {
        starting_points: '创新驱动; 以人为本; 绿色低碳; 融合赋能; 链网联动',
        carriers: '新产业; 新业态; 新模式; 新服务',
      },
    },
    {
      id: 'practice',
      zh: '实践问题导向',
      en: 'Orientation to practical problems',
      dzh: '以江苏为例，指出数字经济发展中的突出问题，主张结合实际应对。',
      den: 'Taking Jiangsu as the example, names the pressing problems in developing the digital economy and calls for responses fitted to local conditions.',
      facts: { region: '江苏', problems: 6 },
    },
  ],
);
children(
  's004.theory.route.theory',
  'mechanism',
  [H.route],
  [
    {
      id: 'tech-breakthrough',
      zh: '数字技术的革命性突破',
      en: 'Revolutionary breakthroughs in digital technology',
      dzh: '为新质生产力提供技术支撑。',
      den: 'Gives NQPF its technological support.',
    },
    {
      id: 'factor-allocation',
      zh: '关键生产要素的创新性配置',
      en: 'Innovative allocation of key factors',
      dzh: '以创新方式配置数字经济的关键要素，使新质生产力发生质变。',
      den: "New ways of allocating the digital economy's key factors bring NQPF a qualitative change.",
    },
    {
      id: 'industry-transformation',
      zh: '数字产业化和产业数字化',
      en: 'Digital industrialisation and industrial digitalisation',
      dzh: '二者推动产业深度转型升级。',
      den: 'Together they drive deep industrial transformation and upgrading.',
    },
  ],
);
link(
  rel('s004.theory.route.theory.tech-breakthrough', 'drives', 'nqpf'),
  rel('s004.theory.route.theory.tech-breakthrough', 'related-to', 'concept.key-technology'),
  rel('s004.theory.route.theory.factor-allocation', 'drives', 'factor.combination'),
  rel('s004.theory.route.theory.industry-transformation', 'drives', 'nqpf'),
);
children(
  's004.theory.route.practice',
  'problem',
  [H.route],
  [
    {
      id: 'stock-over-growth',
      zh: '“重存轻增”思想',
      en: 'Favouring the existing stock over new growth',
      dzh: '偏重守住存量而忽视增量发展。',
      den: 'Holding on to what exists rather than building new growth.',
    },
    {
      id: 'surface-over-substance',
      zh: '“重表轻里”倾向',
      en: 'Form over substance',
      dzh: '重视表面形式而轻视实质内容。',
      den: 'Attending to appearances rather than substance.',
    },
    {
      id: 'haste',
      zh: '“急于求成”心态',
      en: 'Impatience for quick results',
      dzh: '急于见效，缺乏长期投入的耐心。',
      den: 'Wanting quick wins and lacking patience for long-term effort.',
    },
    {
      id: 'hollow',
      zh: '“虚而不实”现象',
      en: 'Hollow rather than real',
      dzh: '数字化流于虚名而缺少实际成效。',
      den: 'Digitalisation in name more than in real effect.',
    },
    {
      id: 'gov-hot-firm-cold',
      zh: '“政热企冷”局面',
      en: 'Government keen, firms cool',
      dzh: '政府积极推动而企业参与热情不高。',
      den: 'Government pushes hard while firms show little enthusiasm.',
    },
    {
      id: 'talent-gap',
      zh: '数字经济人才“青黄不接”',
      en: 'Gap in the succession of digital-economy talent',
      dzh: '数字经济人才储备断档、后继乏人。',
      den: 'The pipeline of digital-economy talent has a gap, with too few successors.',
    },
  ],
  ['region:jiangsu'],
);
link(
  rel('s004.theory.route.practice.talent-gap', 'related-to', 'concept.talent'),
  rel('s004.theory.route.practice.talent-gap', 'related-to', 's002.problem.talent', [
    '与论文002的高端创新人才不足相呼应',
    'echoes the shortage of high-end talent in seed 002',
  ]),
);

// ---------------------------------------------------------------------------
// Practice paths and their sub-measures
// ---------------------------------------------------------------------------
add(
  node(
    's004.paths',
    'practice-path',
    ['数字经济赋能新质生产力发展的实践路径', 'Practice paths for the digital economy empowering NQPF'],
    [
      '让数字经济的赋能作用落地的三条路径：“发展数字技术、培养高素质人才、构建数字赋能系统思维”。',
      "Three paths that turn the digital economy's potential into NQPF: “develop digital technology, cultivate high-quality talent, build digital-empowerment system thinking”.",
    ],
    c(H.paths),
  ),
);
link(rel('seed.004', 'contains', 's004.paths'), rel('s004.paths', 'drives', 'nqpf'));

const PATHS: { id: string; section: string; zh: string; en: string; dzh: string; den: string; subs: Item[] }[] = [
  {
    id: 'tech',
    section: H.tech,
    zh: '发展数字技术',
    en: 'Develop digital technology',
    dzh: '以数字技术创新为着力点，推动产业升级融合并开展国际合作。',
    den: 'Make digital-technology innovation the focus, drive industrial upgrading and fusion, and cooperate internationally.',
    subs: [
      {
        id: 'innovation',
        zh: '加强数字技术的创新',
        en: 'Strengthen digital-technology innovation',
        dzh: '厘清前沿方向，聚焦战略性新兴产业和未来产业，以改革先行、政府支持和社会共同投入攻克关键技术。',
        den: 'Clarify frontier directions, focus on strategic emerging and future industries, and crack key technologies through reform, state support and joint investment.',
        facts: { fields: '大数据; 人工智能; 集成电路; 区块链; 新能源新材料' },
      },
      {
        id: 'upgrade-fusion',
        zh: '产业升级转型和融合发展',
        en: 'Industrial upgrading and fusion',
        dzh: '依托超大规模市场扩大数字技术应用、加大数字经济建设投入，并使数字技术与各行业融合、培育新兴业态。',
        den: 'Use the huge domestic market to widen digital applications, invest more in the digital economy, and merge digital technology with other sectors to grow new industries.',
        facts: { new_industries: '电子商务; 共享经济' },
      },
      {
        id: 'international',
        zh: '开展国际数字技术合作',
        en: 'International cooperation on digital technology',
        dzh: '加强区域合作组织与研究平台建设，在保障国家安全的前提下推动数字专利互认，组建面向国际的数字知识产权联盟。',
        den: 'Strengthen regional cooperation bodies and research platforms, advance mutual recognition of digital patents and build an international digital-IP alliance while safeguarding national security.',
      },
    ],
  },
  {
    id: 'talent',
    section: H.talent,
    zh: '培养高素质人才',
    en: 'Cultivate high-quality talent',
    dzh: '高素质人才是产业发展的先决条件，需培育前沿技术人才并构建人才培养体系。',
    den: 'High-quality talent is a precondition of industrial development; frontier technical talent and a system to train it are needed.',
    subs: [
      {
        id: 'education-reform',
        zh: '以创新为主体、职业为导向的人才培养',
        en: 'Innovation-centred, career-oriented training',
        dzh: '高校与企业系统改革数字经济领域的教学与创新体系，针对不同人才群体因材引导。',
        den: 'Universities and firms overhaul teaching and innovation systems for the digital economy, guiding each group of learners to its strengths.',
      },
      {
        id: 'support',
        zh: '政策扶持与平台建设',
        en: 'Policy support and platform building',
        dzh: '增加投入，建设数字技术实验室和数据中心等设施，完善数据创新所需的软硬件。',
        den: 'More funding and facilities such as digital-technology labs and data centres, with the hardware and software data innovation needs.',
      },
      {
        id: 'evaluation',
        zh: '人才培养评估与监测',
        en: 'Evaluating and monitoring training',
        dzh: '定期评估人才培养工作，及时发现并纠正问题，提高培养质量。',
        den: 'Regular evaluation of training work to catch and fix problems early and raise quality.',
      },
      {
        id: 'literacy',
        zh: '培养高素质数字劳动力',
        en: 'Building a high-quality digital workforce',
        dzh: '通过教育培训和人才引进提升创新能力，为不同年龄和职业的劳动者提供数字技能学习途径，全面提升数字素养。',
        den: 'Raise innovative capacity through training and recruitment, and give workers of every age and occupation ways to learn digital skills, lifting digital literacy across society.',
      },
    ],
  },
  {
    id: 'system-thinking',
    section: H.system,
    zh: '构建数字赋能系统思维',
    en: 'Build digital-empowerment system thinking',
    dzh: '把数字赋能看作全面系统的过程，以跨界融合、创新驱动和持续学习提升个体、组织和社会的效能。',
    den: 'Treat digital empowerment as a whole-system process, raising the effectiveness of individuals, organisations and society through cross-boundary fusion, innovation and continuous learning.',
    subs: [
      {
        id: 'crossover',
        zh: '跨界融合',
        en: 'Cross-boundary fusion',
        dzh: '打破思维和行业界限，推动技术、业务以及不同科技领域的融合。',
        den: 'Break boundaries of thinking and of industries, merging technologies, businesses and scientific fields.',
      },
      {
        id: 'innovation-thinking',
        zh: '创新驱动',
        en: 'Innovation-driven thinking',
        dzh: '鼓励创新思维，在不同环境中大胆尝试。',
        den: 'Encourage innovative thinking and bold experiments in different settings.',
      },
      {
        id: 'learning',
        zh: '持续性优化和学习',
        en: 'Continuous optimisation and learning',
        dzh: '保持对新技术、新应用和新趋势的敏感与学习能力，持续适应变化。',
        den: 'Stay alert to and keep learning about new technologies, applications and trends, adapting continually.',
      },
    ],
  },
];

PATHS.forEach((p, i) => {
  const id = `s004.path.${p.id}`;
  add(node(id, 'practice-path', [p.zh, p.en], [p.dzh, p.den], c(p.section), { order: i + 1 }));
  link(rel('s004.paths', 'contains', id), rel(id, 'drives', 'nqpf'));
  children(id, 'practice-path', [p.section], p.subs);
});

// Which path answers which constraint (the paper states the triple constraint ↔
// digital-economy functions; the path pairings follow the content of section 4).
link(
  rel('s004.constraint.triple.demand', 'mitigated-by', 's004.solution.demand'),
  rel('s004.constraint.triple.supply', 'mitigated-by', 's004.solution.supply'),
  rel('s004.constraint.triple.environment', 'mitigated-by', 's004.solution.environment'),
  rel('s004.constraint.triple.demand', 'mitigated-by', 's004.path.tech.upgrade-fusion', [
    '扩大数字技术应用市场、培育电子商务等新业态，创造新的需求与增长点',
    'widening the market for digital applications and new industries such as e-commerce creates new demand and growth points',
  ]),
  rel('s004.constraint.triple.supply', 'mitigated-by', 's004.path.tech.innovation', [
    '把供给转向战略性新兴产业和未来产业',
    'shifts supply towards strategic emerging and future industries',
  ]),
  rel('s004.constraint.rd-input', 'mitigated-by', 's004.path.tech.innovation'),
  rel('s004.constraint.infrastructure', 'mitigated-by', 's004.path.tech.upgrade-fusion', [
    '加大数字经济建设投入，提供数字基础设施',
    'more investment in building the digital economy supplies digital infrastructure',
  ]),
  rel('s004.constraint.infrastructure', 'mitigated-by', 's004.path.talent.support', [
    '建设数据中心、数字技术实验室一类的平台',
    'builds platforms such as digital-technology labs and data centres',
  ]),
  rel('s004.constraint.chain-synergy', 'mitigated-by', 's004.path.system-thinking.crossover'),
  rel('s004.constraint.chain-synergy', 'mitigated-by', 's004.platform.integration'),
  rel('s004.constraint.industry-upgrade', 'mitigated-by', 's004.path.tech.upgrade-fusion'),
  rel('s004.constraint.industry-upgrade', 'mitigated-by', 's004.platform.industrial-digitalization'),
  rel('s004.constraint.regional-imbalance', 'mitigated-by', 's004.solution', [
    '论文只笼统地把发展平衡问题交由数字经济缓解，未单列对应路径',
    'the paper leaves balanced development to the digital economy in general and names no specific path',
  ]),
  rel('s004.theory.route.practice.talent-gap', 'mitigated-by', 's004.path.talent'),
);

// What each constraint holds back: the factors, forms and levels of NQPF.
const hinders = (from: string, to: string, note: [string, string], ...sections: string[]) =>
  rel(from, 'hinders', to, note, c(...sections));
link(
  hinders(
    's004.constraint.triple',
    'level.region',
    [
      '“需求不足、供给过剩、预期偏弱”是整体经济面临的三重约束',
      'weak demand, excess supply and weak expectations are a triple constraint on the economy as a whole',
    ],
    H.solution,
  ),
  hinders(
    's004.constraint.triple.supply',
    'level.industry',
    [
      '供给侧的过剩落在产业结构上：论文的对策是聚焦战略性新兴产业和未来产业',
      'the supply-side excess lies in the industrial structure: the paper answers it by focusing on strategic emerging and future industries',
    ],
    H.solution,
    H.tech,
  ),
  hinders(
    's004.constraint.rd-input',
    'form.tech',
    [
      '创新研发投入不足及其结构问题抑制基础研究和创新产出',
      'too little and badly structured R&D spending holds back basic research and innovative output',
    ],
    H.solution,
  ),
  hinders(
    's004.constraint.rd-input',
    'concept.key-technology',
    [
      '论文认为攻克关键技术领域需要政府、市场和全社会共同投入，投入不足使之难以实现',
      'the paper holds that cracking key technological fields needs joint investment by government, market and society; too little input stands in the way',
    ],
    H.solution,
    H.tech,
  ),
  hinders(
    's004.constraint.infrastructure',
    'factor.means',
    [
      '数字建设带来更先进的生产与管理工具，基础设施与研发平台不足使新型劳动资料短缺',
      'digital construction supplies advanced tools of production and management; gaps in infrastructure and R&D platforms leave new means of labour in short supply',
    ],
    H.solution,
    H.platform,
  ),
  hinders(
    's004.constraint.chain-synergy',
    'level.industry',
    [
      '产业链上下游难以协同，制约产业层面的新质生产力',
      'poor coordination between upstream and downstream holds back NQPF at industry level',
    ],
    H.solution,
  ),
  hinders(
    's004.constraint.industry-upgrade',
    'level.industry',
    [
      '传统产业面临转型升级压力，而产业数字化正是传统产业的数字化渗透与转型',
      'traditional industries are under pressure to transform, and industrial digitalisation is exactly their digital permeation and transformation',
    ],
    H.solution,
    H.platform,
  ),
  hinders(
    's004.constraint.regional-imbalance',
    'level.region',
    [
      '区域发展不平衡约束新质生产力；结语也要求研究区域差异',
      'unbalanced regional development constrains NQPF; the conclusion also asks for study of regional differences',
    ],
    H.solution,
    H.end,
  ),
  hinders(
    's004.theory.route.practice.talent-gap',
    'factor.laborer',
    [
      '新的生产方式要求劳动者具备更高素质，而数字经济人才后继乏人',
      'new production demands a new quality of labourers, while digital-economy talent lacks successors',
    ],
    H.route,
    H.talent,
  ),
  hinders(
    's004.theory.route.practice.talent-gap',
    'concept.talent',
    ['以江苏为例，数字经济人才储备出现断档', 'in the Jiangsu example, the reserve of digital-economy talent has a gap'],
    H.route,
  ),
  hinders(
    's004.theory.route.practice.gov-hot-firm-cold',
    'level.firm',
    [
      '政府积极而企业冷淡，使数字经济发展缺少企业这一主体的投入',
      'government is keen but firms are cool, so the digital economy lacks the engagement of firms',
    ],
    H.route,
  ),
);

// Links to shared concepts and to the other seeds.
link(
  rel(
    's004.path.tech',
    'drives',
    'concept.key-technology',
    ['攻克关键技术领域', 'cracking key technological fields'],
    c(H.tech),
  ),
  rel('s004.path.tech.innovation', 'related-to', 's002.emerging-future-industries'),
  rel('s004.path.tech.innovation', 'related-to', 's002.path.key-tech.investment', [
    '二者都主张聚焦战略前沿领域加大投入',
    'both call for investment focused on strategic frontier fields',
  ]),
  rel(
    's004.path.talent',
    'drives',
    'concept.talent',
    ['培养高素质数字人才', 'develops high-quality digital talent'],
    c(H.talent),
  ),
  rel('s004.path.talent', 'related-to', 's002.path.talent'),
  rel('s004.path.talent.literacy', 'related-to', 's003.policy.long.talent', [
    '都主张面向各年龄段的全民数字技能培养',
    'both call for digital-skills training for all ages',
  ]),
  rel('s004.path.talent.literacy', 'related-to', 's002.path.digital-divide.regions.capability'),
  rel('s004.path.talent.literacy', 'drives', 'factor.laborer'),
  rel('s004.constraint.rd-input', 'related-to', 's002.problem.key-tech.basic-research', [
    '同样指出基础研究投入不足',
    'the same shortfall in basic-research funding',
  ]),
  rel('s004.constraint.regional-imbalance', 'related-to', 's002.problem.digital-divide.regions'),
  rel('s004.constraint.regional-imbalance', 'related-to', 'level.region'),
  rel('s004.constraint.regional-imbalance', 'related-to', 's004.research-call'),
);

// ---------------------------------------------------------------------------
// Conclusion: the call for concrete cases and regional / industry differences
// ---------------------------------------------------------------------------
add(
  node(
    's004.research-call',
    'proposition',
    ['结合具体案例并研究区域与行业差异', 'Use concrete cases and study regional and industry differences'],
    [
      '论文指出已有研究多停留在理论框架和宏观层面，建议借助个别行业数字化转型的实际案例总结可复制的经验，并结合各地情况比较赋能效果在区域与行业间的差异。',
      'The paper finds current work too focused on frameworks and macro analysis, and asks for concrete industry cases that yield transferable lessons and for place-specific comparison of how the effect differs across regions and industries.',
    ],
    c(H.end),
    { facts: { gaps: '缺少具体实践案例; 忽视区域差异; 忽视行业差异' } },
  ),
);
link(
  rel('seed.004', 'contains', 's004.research-call'),
  rel('seed.004', 'recommends', 's004.research-call'),
  rel('s004.research-call', 'related-to', 'level.region'),
  rel('s004.research-call', 'related-to', 'level.industry'),
);

// Links to seeds 000 and 001.
link(
  rel('s004.path.system-thinking.crossover', 'related-to', 's001.path.technology-empowerment.cross-fusion', [
    '不同科技领域的交叉融合',
    'fusion across fields of technology',
  ]),
  rel('s004.platform.integration', 'related-to', 's000.practice.ecosystem', [
    '跨界合作与资源整合',
    'cross-boundary cooperation and pooling of resources',
  ]),
);

export const seed004: FrameworkPart = { nodes, relations };
