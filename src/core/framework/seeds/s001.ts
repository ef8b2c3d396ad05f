/**
 * Seed 001 — Hu Yan, Wu Danlei (Anhui University): 数字新质生产力视野下产业创新
 * 升级的实践路径. Industry level. The file is in traditional script: names here
 * are in simplified Chinese, citations quote the headings verbatim (traditional).
 *
 * Encoded: the central concept 数字新质生产力, the 3 characteristics, the 4 logic
 * mechanisms, the 4 practice paths with their concrete measures, the problems
 * the paper opens with and the risks its conclusion names, and the target
 * (产业创新升级). Links to shared concepts: the three factors, data, talent, key
 * technologies, the digital divide, the green form, the industry level.
 */
import type { FrameworkNode, FrameworkPart, FrameworkRelation } from '../types.ts';
import { cite, node, rel } from '../common.ts';

/** The paper's opening paragraph has no heading; it is cited by its first words. */
const INTRO = cite('001', '新一輪科技革命和產業變革創新背景下');
const ABSTRACT = cite('001', 'Abstract');
const CH = cite('001', '一、數字新質生產力驅動產業創新升級的特征');
const CH1 = cite('001', '(一)以數字技術的革命性突破和顛覆性創新為核心動力');
const CH2 = cite('001', '(二)以數字技術的滲透式擴散為最主要的作用方式');
const CH3 = cite('001', '(三)以新型勞動者、勞動工具和勞動對象協調統一為支撐');
const ME = cite('001', '二、數字新質生產力驅動產業創新升級的邏輯機制');
const ME1 = cite('001', '(一)數字新質生產力為產業創新升級提供要素支撐');
const ME2 = cite('001', '(二)數字新質生產力為產業創新升級提供技術保障');
const ME3 = cite('001', '(三)數字新質生產力為產業創新升級注入競爭活力');
const ME4 = cite('001', '(四)數字新質生產力為產業創新升級激活有效需求');
const PA = cite('001', '三、數字新質生產力視野下產業創新升級的實踐路徑');
const PA1 = cite('001', '(一)發揮政策協同整合作用,夯實產業創新升級的數字化基礎');
const PA2 = cite('001', '(二)構建柔性組織發展模式,形成適配數字新質生產力組織體系');
const PA3 = cite('001', '(三)強化數字技術賦能作用,重構產業創新升級的技術體系');
const PA4 = cite('001', '(四)以綠色低碳和可持續發展為導向,重構產業價值創造邏輯');
const END = cite('001', '結語');

const nodes: FrameworkNode[] = [];
const relations: FrameworkRelation[] = [];
const add = (...n: FrameworkNode[]) => {
  nodes.push(...n);
};
const link = (...r: FrameworkRelation[]) => {
  relations.push(...r);
};

// ---- Central concept and target ------------------------------------------------------
add(
  node(
    's001.dnqpf',
    'system',
    ['数字新质生产力', 'Digital new quality productive forces'],
    [
      '以人工智能、大数据、物联网、区块链等数字技术深度融合为基础的生产力高阶形态，推动产业组织优化、发展模式创新和全要素生产率跃升。',
      'The most advanced form of productive forces, built on the deep fusion of AI, big data, IoT and blockchain; it reshapes industrial organisation and development models and lifts total factor productivity.',
    ],
    [INTRO, CH, END],
    { order: 1 },
  ),
  node(
    's001.industrial-upgrading',
    'outcome-feature',
    ['产业创新升级', 'Industrial innovation and upgrading'],
    [
      '传统产业数字化转型、新兴与未来产业壮大，产业创新由线性模式转向协同化、智慧化。',
      'Traditional industries transform digitally while emerging and future industries grow, and industrial innovation turns from a linear pattern into a collaborative, intelligent one.',
    ],
    [INTRO, CH2, END],
    { order: 2 },
  ),
);
link(
  rel('seed.001', 'contains', 's001.dnqpf'),
  rel('seed.001', 'contains', 's001.industrial-upgrading'),
  rel(
    's001.dnqpf',
    'related-to',
    'nqpf',
    ['数字技术赋能下的新质生产力', 'NQPF as shaped by digital technology'],
    [CH3],
  ),
  rel('s001.dnqpf', 'related-to', 'form.digital'),
  rel(
    's001.dnqpf',
    'drives',
    's001.industrial-upgrading',
    ['数字新质生产力带动产业的创新与升级', 'digital NQPF drives industrial innovation and upgrading'],
    [ME],
  ),
  rel('s001.dnqpf', 'drives', 'tfp', ['催生全要素生产率跃升', 'brings a leap in total factor productivity'], [INTRO]),
  rel('seed.001', 'related-to', 'level.industry', ['分析层面：产业', 'level of analysis: industry']),
  rel('s001.industrial-upgrading', 'related-to', 'level.industry'),
);

// ---- Problems of the opening paragraph and risks of the conclusion --------------------------
add(
  node(
    's001.problems',
    'problem',
    ['产业数字化升级困境', 'Dilemmas of industrial digital upgrading'],
    [
      '产业在融合数字经济与实体经济的实践中遇到的障碍，需借助数字新质生产力逐步破解。',
      'Obstacles industries meet when merging the digital and the real economy, to be overcome step by step with digital NQPF.',
    ],
    [INTRO],
    { order: 3 },
  ),
  node(
    's001.problem.technology-fit',
    'problem',
    ['技术适配性差', 'Poor fit of technology'],
    [
      '数字技术与产业现有业务和设备难以匹配。',
      "Digital technology does not fit the industry's existing operations and equipment well.",
    ],
    [INTRO],
    { order: 1 },
  ),
  node(
    's001.problem.funding',
    'problem',
    ['资金压力大', 'Heavy funding pressure'],
    ['数字化转型投入大，企业资金紧张。', "Digital transformation is costly and strains firms' finances."],
    [INTRO],
    { order: 2 },
  ),
  node(
    's001.problem.unclear-path',
    'problem',
    ['创新路径模糊', 'Unclear innovation path'],
    ['企业不清楚如何推进数字化创新。', 'Firms do not know how to go about digital innovation.'],
    [INTRO],
    { order: 3 },
  ),
  node(
    's001.risks',
    'problem',
    ['需重点管控的风险', 'Risks to keep under control'],
    [
      '结语提出，未来在借助前沿技术推动产业创新时须管控的风险隐患。',
      'Risks the conclusion says must be managed as frontier technologies keep reshaping industrial innovation.',
    ],
    [END],
    { order: 7 },
  ),
  node(
    's001.risk.data-security',
    'problem',
    ['数据安全风险', 'Data-security risk'],
    ['数据泄露、滥用等安全隐患。', 'Hazards such as leakage or misuse of data.'],
    [END],
    { order: 1 },
  ),
  node(
    's001.risk.industrial-security',
    'problem',
    ['产业安全风险', 'Industrial-security risk'],
    [
      '产业链受外部冲击、失去自主性的隐患。',
      'The hazard of industrial chains being hit from outside or losing autonomy.',
    ],
    [END],
    { order: 2 },
  ),
  node(
    's001.risk.technology-ethics',
    'problem',
    ['技术伦理风险', 'Technology-ethics risk'],
    ['新技术应用引发的伦理问题。', 'Ethical problems raised by the use of new technology.'],
    [END],
    { order: 3 },
  ),
);
link(
  rel('seed.001', 'contains', 's001.problems'),
  rel('s001.problems', 'contains', 's001.problem.technology-fit'),
  rel('s001.problems', 'contains', 's001.problem.funding'),
  rel('s001.problems', 'contains', 's001.problem.unclear-path'),
  rel(
    's001.problems',
    'hinders',
    's001.industrial-upgrading',
    [
      '开篇指出这些问题构成产业升级困境',
      'the opening paragraph presents these problems as the dilemmas of industrial upgrading',
    ],
    [INTRO],
  ),
  rel('seed.001', 'contains', 's001.risks'),
  rel('s001.risks', 'contains', 's001.risk.data-security'),
  rel('s001.risks', 'contains', 's001.risk.industrial-security'),
  rel('s001.risks', 'contains', 's001.risk.technology-ethics'),
  rel(
    's001.risks',
    'hinders',
    's001.industrial-upgrading',
    [
      '结语要求在推进产业创新时重点管控这些风险',
      'the conclusion asks that these risks be kept under control while industrial innovation advances',
    ],
    [END],
  ),
);

// ---- Characteristics -----------------------------------------------------------------
add(
  node(
    's001.characteristics',
    'characteristic',
    ['数字新质生产力驱动产业创新升级的特征', 'Characteristics of digital NQPF driving industrial upgrading'],
    [
      '三个特征：核心动力、作用方式与支撑要素。',
      'Three characteristics: its core driving force, its main mode of action and its supporting factors.',
    ],
    [CH, ABSTRACT],
    { order: 4 },
  ),
  node(
    's001.char.core-driver',
    'characteristic',
    [
      '以数字技术的革命性突破和颠覆性创新为核心动力',
      'Revolutionary breakthroughs and disruptive innovation of digital technology as the core driving force',
    ],
    [
      '数字技术的迭代让生产标准化、自动化、智慧化，高技能劳动者成为关键；创新走向多主体共建的生态；平台经济、共享经济等新商业模式打破产业壁垒。',
      'Iterating digital technology makes production standardised, automated and smart, with highly skilled workers as the key; innovation becomes an ecosystem of many actors; platform and sharing business models break down barriers between industries.',
    ],
    [CH1],
    { order: 1, facts: { innovationEcosystemActors: '政府、企业、社会组织、教育系统、供应商、个人' } },
  ),
  node(
    's001.char.diffusion',
    'characteristic',
    [
      '以数字技术的渗透式扩散为最主要的作用方式',
      'Penetrating diffusion of digital technology as the main mode of action',
    ],
    [
      '覆盖广、渗透强的数字技术在产业（宏观）与企业（微观）中层层扩散，传统产业转型、新兴和未来产业壮大，跨区域共享知识、联合攻关。',
      'Broad, penetrating digital technology spreads through industries (macro) and firms (micro): traditional industries transform, emerging and future ones grow, and knowledge is shared and problems solved jointly across regions.',
    ],
    [CH2],
    { order: 2 },
  ),
  node(
    's001.char.factor-unity',
    'characteristic',
    [
      '以新型劳动者、劳动工具和劳动对象协调统一为支撑',
      'Coordinated unity of new-type labourers, tools and objects of labour as the support',
    ],
    [
      '数字技术重塑三要素及其关系：劳动者需创新与数字应用能力，劳动工具需强大的数据处理能力，数据成为关键的新型劳动对象。',
      'Digital technology remakes the three factors and their relations: workers need innovative and digital skills, tools need strong data-processing capacity, and data becomes the key new object of labour.',
    ],
    [CH3],
    { order: 3 },
  ),
);
link(
  rel('seed.001', 'contains', 's001.characteristics'),
  rel('s001.characteristics', 'contains', 's001.char.core-driver'),
  rel('s001.characteristics', 'contains', 's001.char.diffusion'),
  rel('s001.characteristics', 'contains', 's001.char.factor-unity'),
  rel('s001.dnqpf', 'related-to', 's001.characteristics'),
  rel(
    's001.char.core-driver',
    'related-to',
    'ai',
    ['人工智能、物联网、区块链等代表性数字技术', 'AI, IoT and blockchain as typical digital technologies'],
    [CH1],
  ),
  rel(
    's001.char.core-driver',
    'related-to',
    'concept.talent',
    ['高技能劳动者成为关键力量', 'highly skilled workers become the key force'],
    [CH1],
  ),
  rel('s001.char.diffusion', 'related-to', 'level.industry', ['宏观：产业层面', 'macro: industry level'], [CH2]),
  rel('s001.char.diffusion', 'related-to', 'level.firm', ['微观：企业层面', 'micro: firm level'], [CH2]),
  rel(
    's001.char.factor-unity',
    'related-to',
    'factor.laborer',
    [
      '劳动者须具备创新能力、数字技术应用能力和适应能力',
      'workers need innovativeness, digital skills and adaptability',
    ],
    [CH3],
  ),
  rel(
    's001.char.factor-unity',
    'related-to',
    'factor.means',
    [
      '劳动工具（基于人工智能与大数据的设备和机器人）须具备数据收集、分析、处理与储存能力',
      'tools (AI- and data-based equipment and robots) must collect, analyse, process and store data',
    ],
    [CH3],
  ),
  rel(
    's001.char.factor-unity',
    'related-to',
    'factor.object',
    [
      '数据是关键的新型劳动对象，源于网络空间对物理与社会关系的映射',
      'data, mapped from physical and social relations into cyberspace, is the key new object of labour',
    ],
    [CH3],
  ),
  rel(
    's001.char.factor-unity',
    'related-to',
    'factor.combination',
    ['三要素协同统一构成数字新质生产力', 'the unity of the three factors makes up digital NQPF'],
    [CH3],
  ),
);

// ---- Logic mechanisms ------------------------------------------------------------------
add(
  node(
    's001.mechanisms',
    'mechanism',
    ['数字新质生产力驱动产业创新升级的逻辑机制', 'Logic mechanisms of digital NQPF driving industrial upgrading'],
    [
      '四个机制：要素支撑、技术保障、竞争活力和有效需求。',
      'Four mechanisms: factor support, technological guarantee, competitive vitality and effective demand.',
    ],
    [ME, ABSTRACT],
    { order: 5 },
  ),
  node(
    's001.mech.factor-support',
    'mechanism',
    ['要素支撑', 'Factor support'],
    [
      '数据成为劳动对象的主要代表，与传统要素融合并产生替代效应，使生产更智能、不再受人力总量约束，奠定升级的要素基础。',
      'Data becomes the main object of labour; fused with traditional factors it substitutes for them, making production smarter and free of limits on total labour, which lays the factor base of upgrading.',
    ],
    [ME1],
    { order: 1 },
  ),
  node(
    's001.mech.technology-guarantee',
    'mechanism',
    ['技术保障', 'Technological guarantee'],
    [
      '数字技术高创新、低成本、广覆盖，改变产业决定性的“第一类技术”的实现形式，并加速通用共性的“第二类技术”扩散，推动共同创新。',
      'Highly innovative, cheap and widespread digital technology changes how an industry\'s defining "first-class" technologies are realised and speeds the spread of general "second-class" technologies, favouring joint innovation.',
    ],
    [ME2],
    { order: 2 },
  ),
  node(
    's001.mech.competitive-vitality',
    'mechanism',
    ['竞争活力', 'Competitive vitality'],
    [
      '在位企业间竞争加剧、以消费者为中心；产业边界模糊、准入门槛降低，潜在进入者的威胁迫使企业革新。',
      'Rivalry among incumbents grows and centres on consumers; as industry boundaries blur and entry gets cheaper, the threat of entrants forces firms to renew themselves.',
    ],
    [ME3],
    { order: 3 },
  ),
  node(
    's001.mech.effective-demand',
    'mechanism',
    ['有效需求', 'Effective demand'],
    [
      '数据挖掘与人工智能精准捕捉需求，虚拟现实等开辟新消费场景，平台拉近供需，定制化满足细分需求，从而扩大有效需求。',
      'Data mining and AI catch demand precisely, VR and AR open new consumption scenes, platforms bring producers and consumers closer and customisation serves finer needs, which widens effective demand.',
    ],
    [ME4],
    { order: 4 },
  ),
);
link(
  rel('seed.001', 'contains', 's001.mechanisms'),
  ...['factor-support', 'technology-guarantee', 'competitive-vitality', 'effective-demand'].flatMap((m, i) => [
    rel('s001.mechanisms', 'contains', `s001.mech.${m}`),
    rel('s001.dnqpf', 'drives', `s001.mech.${m}`, undefined, [[ME1, ME2, ME3, ME4][i]]),
    rel(`s001.mech.${m}`, 'drives', 's001.industrial-upgrading', undefined, [[ME1, ME2, ME3, ME4][i]]),
  ]),
  rel(
    'factor.data',
    'drives',
    's001.mech.factor-support',
    ['数据要素为产业升级提供要素支撑', 'data supplies the factor base of upgrading'],
    [ME1],
  ),
  rel('s001.mech.technology-guarantee', 'related-to', 'form.tech'),
);

// ---- Practice paths and their measures ---------------------------------------------------
interface Measure {
  id: string;
  zh: string;
  en: string;
  dzh: string;
  den: string;
}
interface PracticePath {
  id: string;
  cite: typeof PA1;
  zh: string;
  en: string;
  dzh: string;
  den: string;
  measures: Measure[];
}
const PATHS: PracticePath[] = [
  {
    id: 'policy-synergy',
    cite: PA1,
    zh: '发挥政策协同整合作用，夯实产业创新升级的数字化基础',
    en: 'Use coordinated, integrated policy to lay the digital foundation of industrial upgrading',
    dzh: '围绕基础设施、制度和资源整合形成政策合力，扫清升级障碍。',
    den: 'Concentrate policy on infrastructure, institutions and resource integration to clear obstacles to upgrading.',
    measures: [
      {
        id: 'infrastructure',
        zh: '完善数字基础设施支撑体系',
        en: 'Complete the supporting system of digital infrastructure',
        dzh: '政府牵头建设 5G 网络、算力中心与工业互联网平台，投入向中小城市和农村倾斜，补贴偏远地区联网，并让政务、社会、企业和行业的数据互联互通。',
        den: 'Government-led industrial internet platforms, computing centres and 5G, tilted toward small cities and the countryside, subsidised coverage for remote areas, and linked government, social, firm and industry data.',
      },
      {
        id: 'institutions',
        zh: '完善和创新制度体系，化解数据与监管的矛盾',
        en: 'Improve institutions to reconcile data use with regulation',
        dzh: '建立数据产权与分级使用登记制度，对前沿技术设弹性监管、留出试错空间，联合龙头企业制定产业数字化标准和统一数据接口。',
        den: "Data property rights with registered use beyond one's own permissions, flexible regulation that leaves room for trial and error on frontier technology, and industry digital standards and common data interfaces set with leading firms.",
      },
      {
        id: 'regional-coordination',
        zh: '强化资源整合和跨区域协同',
        en: 'Integrate resources and coordinate across regions',
        dzh: '构建区域分工协作，制定差异化区域政策，实现跨区域资源共享与数据互通，统一数据流通与税收分成规则，避免重复投资。',
        den: 'Regional division of labour, differentiated regional policies, cross-regional sharing of resources and data, common rules for data flows and tax sharing, and no duplicated local investment.',
      },
    ],
  },
  {
    id: 'flexible-organisation',
    cite: PA2,
    zh: '构建柔性组织发展模式，形成适配数字新质生产力的组织体系',
    en: 'Build flexible organisation that fits digital NQPF',
    dzh: '以柔性、扁平的组织取代层级固化、职能割裂的传统组织。',
    den: 'Replace rigid hierarchies and split functions with flexible, flat organisation.',
    measures: [
      {
        id: 'flat-agile',
        zh: '推动组织架构扁平化、敏捷化',
        en: 'Make the organisation flat and agile',
        dzh: '以项目制替代部门制，组建由领导牵头的数字攻坚小组，线上线下结合、以结果为导向。',
        den: 'Projects instead of departments, digital task forces led by top managers, mixed online and offline work judged by results.',
      },
      {
        id: 'data-driven-decisions',
        zh: '构建以数据为基础的经营决策机制',
        en: 'Base business decisions on data',
        dzh: '搭建企业级数据中台并可视化，用人工智能预测需求优化产能，向一线员工适度下放数据权限。',
        den: 'An enterprise data middle platform with visualisation, AI demand forecasts for capacity planning, and some data rights delegated to front-line staff.',
      },
      {
        id: 'talent-incentives',
        zh: '完善人才激励与保障机制',
        en: 'Improve incentives and security for talent',
        dzh: '把数字化成效纳入绩效考核，设技术攻关专项基金，建立长期绑定机制，畅通技能人才上升通道。',
        den: 'Digital results in performance reviews, special funds for technical breakthroughs, long-term retention schemes and clear promotion routes for skilled staff.',
      },
      {
        id: 'innovation-consortium',
        zh: '联合科研机构与高校组建创新联合体',
        en: 'Form innovation consortia with research institutes and universities',
        dzh: '共同攻克“卡脖子”技术，高校按产业数字化需求调整培养计划、输送高技能人才。',
        den: 'Tackle chokepoint technologies together, with universities adjusting training to the needs of industrial digitalisation and supplying skilled graduates.',
      },
    ],
  },
  {
    id: 'technology-empowerment',
    cite: PA3,
    zh: '强化数字技术赋能作用，重构产业创新升级的技术体系',
    en: 'Strengthen digital-technology empowerment and rebuild the technology system of upgrading',
    dzh: '突破单一技术壁垒，让前沿数字技术交叉赋能各产业，系统重构产业技术体系。',
    den: 'Break single-technology barriers so frontier digital technologies empower industries in combination, rebuilding the industrial technology system.',
    measures: [
      {
        id: 'cross-fusion',
        zh: '推进核心数字技术交叉融合',
        en: 'Cross-fuse core digital technologies',
        dzh: '如区块链与人工智能结合的数据交易系统、边缘计算与物联网结合的决策建模；由国家部门牵头建设融合实验室，开放数据、算力与算法。',
        den: 'For example blockchain-plus-AI data trading and edge-computing-plus-IoT decision modelling; state-led fusion laboratories that open data, computing power and algorithms to industry.',
      },
      {
        id: 'open-source',
        zh: '强化通用性和共性技术的开源协同',
        en: 'Open-source collaboration on general and common technologies',
        dzh: '龙头企业牵头共建数据接口标准，政策支持重点开源项目，设专项研发基金，以“揭榜挂帅”调动各方，建立场景驱动的技术转化机制。',
        den: 'Leading firms co-develop interface standards, policy backs key open-source projects, a special R&D fund is set up, an open call for solutions ("揭榜挂帅") mobilises actors, and transfer is driven by application scenarios.',
      },
    ],
  },
  {
    id: 'green-value',
    cite: PA4,
    zh: '以绿色低碳和可持续发展为导向，重构产业价值创造逻辑',
    en: 'Rebuild industrial value creation around green, low-carbon, sustainable development',
    dzh: '优化要素组织形式，使价值创造转向服务化、智能化并兼顾生态效益。',
    den: 'Reorganise factors so that value creation becomes service-based and intelligent and also serves the environment.',
    measures: [
      {
        id: 'servitisation',
        zh: '推动价值创造由产品导向转向服务化和智能化',
        en: 'Shift value creation from products to intelligent services',
        dzh: '把单一硬件升级为产品与服务融合的智能系统，全生命周期监测服务，借数字孪生与用户行为数据主动服务，共建产业生态。',
        den: 'Turn single hardware products into intelligent product-service systems with life-cycle monitoring, proactive service from digital twins and user data, and shared industrial ecosystems.',
      },
      {
        id: 'green-transition',
        zh: '以数字技术平衡生态效益与经济增长',
        en: 'Use digital technology to balance ecology and growth',
        dzh: '用大数据监控排放和能耗并超限预警，用区块链建立全生命周期追溯，形成生产—消费—再生的闭环。',
        den: 'Big-data monitoring of emissions and energy use with alarms when limits are exceeded, and blockchain life-cycle tracing that closes the loop from production to consumption to recycling.',
      },
    ],
  },
];
add(
  node(
    's001.paths',
    'practice-path',
    ['数字新质生产力视野下产业创新升级的实践路径', 'Practice paths of industrial upgrading under digital NQPF'],
    [
      '四条实践路径：政策协同、柔性组织、技术赋能与绿色低碳价值创造。',
      'Four practice paths: policy synergy, flexible organisation, technology empowerment and green, low-carbon value creation.',
    ],
    [PA, ABSTRACT],
    { order: 6 },
  ),
);
link(rel('seed.001', 'contains', 's001.paths'), rel('seed.001', 'recommends', 's001.paths'));
PATHS.forEach((p, i) => {
  const pid = `s001.path.${p.id}`;
  add(node(pid, 'practice-path', [p.zh, p.en], [p.dzh, p.den], [p.cite], { order: i + 1 }));
  link(rel('s001.paths', 'contains', pid), rel(pid, 'drives', 's001.industrial-upgrading', undefined, [p.cite]));
  p.measures.forEach((m, j) => {
    const mid = `${pid}.${m.id}`;
    add(node(mid, 'policy', [m.zh, m.en], [m.dzh, m.den], [p.cite], { order: j + 1 }));
    link(rel(pid, 'contains', mid));
  });
  // The opening paragraph sets these paths against its three problems.
  for (const prob of ['technology-fit', 'funding', 'unclear-path']) {
    link(rel(`s001.problem.${prob}`, 'mitigated-by', pid, undefined, [INTRO]));
  }
});
link(
  rel(
    'concept.digital-divide',
    'mitigated-by',
    's001.path.policy-synergy.infrastructure',
    [
      '网络与算力向中小城市、乡村和偏远地区倾斜',
      'networks and computing tilted toward small cities, the countryside and remote areas',
    ],
    [PA1],
  ),
  rel(
    'concept.digital-divide',
    'mitigated-by',
    's001.path.policy-synergy.regional-coordination',
    ['跨区域资源共享与数据互通', 'cross-regional sharing of resources and data'],
    [PA1],
  ),
  rel('s001.path.policy-synergy.regional-coordination', 'acts-on', 'level.region'),
  rel(
    's001.path.flexible-organisation.talent-incentives',
    'related-to',
    'concept.talent',
    ['稳定核心人才', 'keeping core talent'],
    [PA2],
  ),
  rel(
    's001.path.flexible-organisation.innovation-consortium',
    'related-to',
    'concept.talent',
    ['高校输送高技能人才', 'universities supply skilled graduates'],
    [PA2],
  ),
  rel(
    's001.path.flexible-organisation.innovation-consortium',
    'related-to',
    'concept.key-technology',
    ['联合攻克“卡脖子”技术', 'joint work on chokepoint technologies'],
    [PA2],
  ),
  rel('s001.path.flexible-organisation.data-driven-decisions', 'related-to', 'factor.data'),
  rel('s001.path.technology-empowerment.cross-fusion', 'related-to', 'ai'),
  rel('s001.path.green-value', 'related-to', 'form.green', ['绿色低碳导向', 'green, low-carbon orientation'], [PA4]),
  rel(
    's001.path.green-value.green-transition',
    'drives',
    'form.green',
    ['排放能耗监控与循环追溯', 'emission monitoring and circular tracing'],
    [PA4],
  ),
  rel('s001.path.technology-empowerment', 'drives', 's001.mech.technology-guarantee'),
  rel(
    's001.risk.data-security',
    'mitigated-by',
    's001.path.policy-synergy.institutions',
    ['数据流通与安全并重的制度', 'institutions that keep data both flowing and secure'],
    [PA1],
  ),
);

// ---- What the problems and risks hold back: factors, forms and levels of NQPF ---------------
link(
  rel(
    's001.problems',
    'hinders',
    'level.industry',
    [
      '产业在融合数字经济与实体经济时遇到这些障碍，拖慢产业层面的数字化升级',
      'industries meet these obstacles when merging the digital and the real economy, which slows digital upgrading at industry level',
    ],
    [INTRO],
  ),
  rel(
    's001.problem.technology-fit',
    'hinders',
    'form.digital',
    [
      '论文视数字技术的渗透式扩散为主要作用方式，技术与产业适配性差会阻滞这种扩散',
      'the paper makes the penetrating diffusion of digital technology its main mode of action; a poor fit between technology and industry stalls that diffusion',
    ],
    [INTRO, CH2],
  ),
  rel(
    's001.problem.funding',
    'hinders',
    'level.firm',
    [
      '数字化升级投入大，论文因此主张政府降低企业转型门槛、资助偏远地区企业用网',
      "digital upgrading is costly, which is why the paper asks government to lower firms' threshold and fund network access for firms in remote areas",
    ],
    [INTRO, PA1],
  ),
  rel(
    's001.risk.data-security',
    'hinders',
    'factor.object',
    [
      '论文以数据为最关键的新型劳动对象，数据安全风险直接危及这一劳动对象',
      'the paper makes data the key new object of labour, so data-security risks threaten that object directly',
    ],
    [END, CH3],
  ),
  rel(
    's001.risk.data-security',
    'hinders',
    'factor.data',
    [
      '数据要素为产业升级提供支撑，其流通须与安全并重',
      'data supports industrial upgrading as a factor, and its circulation must go together with security',
    ],
    [END, ME1],
  ),
  rel(
    's001.risk.industrial-security',
    'hinders',
    'level.industry',
    [
      '结语要求在全球价值链重构中管控产业安全风险，使产业竞争优势立足自身',
      'the conclusion asks for control of industrial-security risk while global value chains are rebuilt, so that industries keep a self-reliant edge',
    ],
    [END],
  ),
);

/** Seed 001 as a framework part. */
export const seed001: FrameworkPart = { nodes, relations };
