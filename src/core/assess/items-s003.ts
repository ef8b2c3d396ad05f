/**
 * Items on the enterprise level of seed 003 (人工智能赋能新质生产力: 员工、企业、
 * 产业三层): where the firm uses AI in its five business functions (functional
 * paths) and how far AI restructures, recombines and exploits its resources
 * (resource mechanisms). Each item cites the framework node it measures.
 */
import { bi } from '../i18n.ts';
import type { InstrumentItem } from './types.ts';

const opt = (id: string, zh: string, en: string) => ({ id, label: bi(zh, en) });

export const ITEMS_S003: InstrumentItem[] = [
  {
    id: 's003.ai.marketing',
    node: 's003.firm.path.marketing',
    type: 'multi',
    prompt: bi('贵企业在营销中使用了哪些人工智能应用？', 'Which AI applications does your firm use in marketing?'),
    help: bi(
      '只勾选已在日常营销中实际运行的应用，试点或计划中的不算。',
      'Tick only applications that run in day-to-day marketing; pilots and plans do not count.',
    ),
    options: [
      opt('recommendation', '根据用户数据的个性化推荐', 'Personalised recommendations from customer data'),
      opt('insight', '市场与客户数据的自动分析和洞察', 'Automated analysis of market and customer data'),
      opt('content', '自动生成广告和营销文案', 'Automatically generated ads and marketing copy'),
      opt('sentiment', '评论与舆情的情感分析', 'Sentiment analysis of reviews and social media'),
      opt('service', '智能客服', 'AI customer service'),
    ],
  },
  {
    id: 's003.ai.innovation',
    node: 's003.firm.path.innovation',
    type: 'multi',
    prompt: bi('在创新过程的哪些环节用到了人工智能？', 'At which stages of innovation does your firm use AI?'),
    help: bi(
      '创新从发现机会一直到新产品上市；勾选人工智能实际参与的环节。',
      'Innovation runs from spotting an opportunity to launching a product; tick the stages where AI takes part.',
    ),
    options: [
      opt('ideation', '发现机会、产生想法', 'Spotting opportunities and generating ideas'),
      opt('selection', '评估和筛选想法', 'Evaluating and choosing ideas'),
      opt(
        'development',
        '概念和方案开发（如原型、材料、工艺选择）',
        'Developing concepts and solutions (prototypes, materials, processes)',
      ),
      opt('launch', '上市实施（如需求预测、个性化推广）', 'Launch (demand forecasts, personalised promotion)'),
    ],
  },
  {
    id: 's003.ai.supply-chain',
    node: 's003.firm.path.supply-chain',
    type: 'multi',
    prompt: bi('在供应链中使用了哪些人工智能应用？', 'Which AI applications does your firm use in its supply chain?'),
    help: bi(
      '包括采购、生产、仓储、物流和结算各环节中由算法完成或辅助的工作。',
      'Work done or assisted by algorithms in purchasing, production, warehousing, logistics and billing.',
    ),
    options: [
      opt('routing', '运输路线规划', 'Transport route planning'),
      opt('maintenance', '设备预测性维护', 'Predictive maintenance of equipment'),
      opt('ordering', '需求预测与自动下单', 'Demand forecasting and automatic ordering'),
      opt('invoicing', '单据和发票自动处理', 'Automatic handling of documents and invoices'),
      opt('visibility', '供应链全程透明追踪', 'End-to-end tracking of the supply chain'),
    ],
  },
  {
    id: 's003.ai.hr',
    node: 's003.firm.path.hr',
    type: 'multi',
    prompt: bi(
      '在人力资源管理中使用了哪些人工智能应用？',
      'Which AI applications does your firm use in human resources?',
    ),
    help: bi(
      '例如用算法筛选简历、安排培训、分配岗位，或让员工自主使用智能工具。',
      'For example screening CVs, planning training or assigning roles with algorithms, or staff using AI tools on their own.',
    ),
    options: [
      opt('recruiting', '招聘筛选', 'Recruiting and screening'),
      opt('training', '个性化培训与技能画像', 'Personalised training and skill profiles'),
      opt('assignment', '岗位与任务的智能分配', 'Assigning roles and tasks with algorithms'),
      opt('self-service', '员工自助使用智能工具完成工作', 'Staff use AI tools in their own work'),
      opt('administration', '考勤、薪酬等事务自动化', 'Automated attendance, payroll and similar tasks'),
    ],
  },
  {
    id: 's003.ai.strategy',
    node: 's003.firm.path.strategy',
    type: 'multi',
    prompt: bi('战略决策中如何使用人工智能？', 'How does your firm use AI in strategic decisions?'),
    help: bi(
      '指管理层在制定方向、投资和竞争策略时借助人工智能分析数据或形成方案。',
      'Management draws on AI to analyse data or draft options when setting direction, investments and competitive moves.',
    ),
    options: [
      opt('industry-data', '分析行业和市场大数据', 'Analysing large industry and market data'),
      opt('scenarios', '生成备选战略方案', 'Drafting alternative strategies'),
      opt('competitors', '跟踪竞争对手与技术动向', 'Tracking competitors and technology trends'),
      opt('risk', '风险预警与情景推演', 'Risk warning and scenario analysis'),
    ],
  },
  {
    id: 's003.resource.structuring',
    node: 's003.firm.mechanism.structuring',
    type: 'level',
    prompt: bi(
      '数据、算力、算法等新资源与传统资源结合到什么程度？',
      'How far are new resources (data, computing power, algorithms) combined with traditional ones?',
    ),
    help: bi(
      '看企业是否把数据和算法当作资源来配置，并用数据分析决定人、财、物的投放。',
      'Whether the firm treats data and algorithms as resources and uses data analysis to decide where people, money and equipment go.',
    ),
    anchors: {
      1: bi('数据零散存放，资源配置凭经验。', 'Data sits in scattered places; resources are allocated by habit.'),
      3: bi(
        '主要业务有数据平台，部分资源按数据分析配置。',
        'Main functions have a data platform; some resources are allocated by analysis.',
      ),
      5: bi(
        '数据、算力和算法按统一规划投入，各职能的资源配置都以数据为依据。',
        'Data, computing and algorithms are planned as assets; every function allocates resources on data.',
      ),
    },
  },
  {
    id: 's003.resource.recombination',
    node: 's003.firm.mechanism.recombination',
    type: 'level',
    prompt: bi(
      '企业能否借助人工智能快速重组人员、设备和资金以应对变化？',
      'Can the firm quickly regroup people, equipment and money with the help of AI when conditions change?',
    ),
    help: bi(
      '例如市场需求突变时，系统能否给出调整方案，团队能否在几天内重新组队。',
      'For example, when demand shifts suddenly, whether systems propose adjustments and teams can be regrouped within days.',
    ),
    anchors: {
      1: bi('调整靠层层审批，通常需要数月。', 'Changes go through layers of approval and take months.'),
      3: bi(
        '部分业务可按系统建议在数周内调整资源。',
        'Some functions regroup resources within weeks on system advice.',
      ),
      5: bi(
        '资源按实时数据动态调配，跨部门项目组可随时组建。',
        'Resources are reallocated on live data; cross-functional teams form at any time.',
      ),
    },
  },
  {
    id: 's003.resource.utilization',
    node: 's003.firm.mechanism.utilization',
    type: 'level',
    prompt: bi(
      '企业是否利用人工智能把已有能力和资源开发成新产品或新服务？',
      'Does the firm use AI to turn existing capabilities and resources into new products or services?',
    ),
    help: bi(
      '看已有的数据、技术和客户关系是否被挖掘出新的用途和收入来源。',
      'Whether existing data, technology and customer relations find new uses and new sources of revenue.',
    ),
    anchors: {
      1: bi('资源只用于原有业务。', 'Resources serve only the existing business.'),
      3: bi(
        '已有一两项由数据或算法衍生的新产品或服务。',
        'One or two products or services grew out of data or algorithms.',
      ),
      5: bi(
        '持续把核心能力与新市场对接，新业务占收入的可观份额。',
        'Core capabilities are matched to new markets all the time; new lines bring a sizeable share of revenue.',
      ),
    },
  },
];
