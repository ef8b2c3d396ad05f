/**
 * Items on seed 000 (孙永磊 等: 数字化赋能企业新质生产力的机制研究, 外国经济与管理
 * 2026): a firm self-assessment answered by a manager. For each of the three
 * paths (提质增效, 交互合作, 创新突破) there is one item per upgraded factor
 * (劳动者, 数据, 技术), one on the management mode, and one per sub-category of
 * Table 3. Each item cites the seed 000 framework node it measures.
 */
import { bi } from '../i18n.ts';
import type { InstrumentItem } from './types.ts';

const opt = (id: string, zh: string, en: string) => ({ id, label: bi(zh, en) });

export const ITEMS_S000: InstrumentItem[] = [
  // ---- Path 1: 提质增效 — factors and management mode ----------------------------------
  {
    id: 's000.qe.laborer',
    node: 's000.quality-efficiency.factors.laborer',
    type: 'number',
    prompt: bi(
      '一线员工中接受过数字技能培训的比例是多少？',
      'What share of front-line staff have been trained in digital skills?',
    ),
    help: bi(
      '按目前在岗的一线员工计算；培训指能让员工操作数字化设备和系统、与机器人配合工作的系统培训。例如产线工人学会用平板查看设备数据并处理报警。',
      'Count current front-line staff; training means structured courses so they can run digital equipment and systems or work alongside robots, e.g. line workers learning to read machine data on a tablet and handle alarms.',
    ),
    unit: bi('%', '%'),
    bands: [5, 15, 30, 50, 70],
    min: 0,
    max: 100,
  },
  {
    id: 's000.qe.data',
    node: 's000.quality-efficiency.factors.data',
    type: 'level',
    prompt: bi(
      '生产运营数据的采集是否完整、准确、及时？',
      'How complete, accurate and timely is your production and operations data?',
    ),
    help: bi(
      '指设备、质量、能耗、物料等数据是否自动采集、口径统一，能直接用于分析和决策。例如各车间的产量和良率当天自动汇总，无需人工核对。',
      'Whether data on machines, quality, energy and materials is captured automatically, defined the same way everywhere and ready for analysis, e.g. each workshop’s output and yield totalled automatically the same day with no manual checking.',
    ),
    anchors: {
      1: bi(
        '数据主要靠人工填报，口径不一，常需反复核对。',
        'Data is mostly entered by hand, definitions differ and figures need repeated checking.',
      ),
      3: bi(
        '主要生产数据自动采集并集中存储，可用于日常报表。',
        'Main production data is captured automatically and stored centrally for routine reports.',
      ),
      5: bi(
        '全流程数据实时采集、统一管理，直接用于排产、质量和设备决策。',
        'Data from the whole process is captured live, managed as one and used directly for scheduling, quality and maintenance decisions.',
      ),
    },
  },
  {
    id: 's000.qe.technology',
    node: 's000.quality-efficiency.factors.technology',
    type: 'level',
    prompt: bi(
      '企业在生产中应用智能制造技术的程度如何？',
      'How far does your firm use intelligent manufacturing technology in production?',
    ),
    help: bi(
      '指自动化产线、工业机器人、数字孪生以及能自行感知和调整的智能系统。例如产线根据检测数据自动调整设备参数。',
      'Automated lines, industrial robots, digital twins and systems that sense and adjust by themselves, e.g. a line that retunes machine settings from inspection data without anyone stepping in.',
    ),
    anchors: {
      1: bi(
        '以人工或单机自动化为主，设备之间互不联通。',
        'Work is manual or done on stand-alone automated machines that are not connected.',
      ),
      3: bi(
        '主要工序实现自动化并联网，部分环节有智能控制。',
        'Main operations are automated and networked, with intelligent control at some steps.',
      ),
      5: bi(
        '产线能自行感知和调整，数字孪生和智能算法广泛用于优化生产。',
        'Lines sense and adjust themselves, and digital twins and algorithms are widely used to optimise production.',
      ),
    },
  },
  {
    id: 's000.qe.mode',
    node: 's000.quality-efficiency.mode',
    type: 'level',
    prompt: bi(
      '企业在多大程度上以精细化的方式管理生产运营？',
      'How far does your firm manage its operations in a detailed, lean way?',
    ),
    help: bi(
      '指把目标逐级分解到岗位、把流程标准化，并用数据不断找出和去掉多余环节。例如每条产线都有明确的效率指标，系统自动标出耗时异常的工序。',
      'Breaking goals down to each job, standardising processes and using data to keep finding and removing wasted steps, e.g. every line has clear efficiency targets and the system flags steps that take unusually long.',
    ),
    anchors: {
      1: bi(
        '管理较粗放，目标笼统，流程因人而异。',
        'Management is loose, goals are vague and processes vary from person to person.',
      ),
      3: bi(
        '主要流程已标准化，关键指标分解到部门并定期复盘。',
        'Main processes are standardised, and key targets are set per department and reviewed regularly.',
      ),
      5: bi(
        '目标细化到岗位，流程数据实时监控，改进持续闭环进行。',
        'Targets reach every job, process data is watched live, and improvement runs as a continuous closed loop.',
      ),
    },
  },

  // ---- Path 1: 提质增效 — 生产加速 ------------------------------------------------------
  {
    id: 's000.real-time-monitoring',
    node: 's000.sub.real-time-monitoring',
    type: 'level',
    prompt: bi(
      '贵企业能否实时掌握生产现场的运行状况？',
      'Can your firm see what is happening on the shop floor in real time?',
    ),
    help: bi(
      '指设备、物料和产线状态是否自动变成数据，管理者随时能看到。例如在屏幕上查看每台设备的开机率和当班产量。',
      'Whether machines, materials and lines report their status as data automatically so managers can check it at any time, e.g. a screen showing each machine’s uptime and the shift’s output.',
    ),
    anchors: {
      1: bi(
        '生产情况靠人工巡查和纸质报表，通常隔天才汇总。',
        'Production is checked by walking the floor and by paper reports, usually a day late.',
      ),
      3: bi(
        '主要产线的关键设备已联网，管理者可在系统中查看实时数据。',
        'Key machines on the main lines are connected, and managers can view live data in a system.',
      ),
      5: bi(
        '全厂设备、物料和能耗实时采集，异常几分钟内自动推送给责任人。',
        'All machines, materials and energy use are tracked live, and problems reach the person in charge within minutes.',
      ),
    },
  },
  {
    id: 's000.failure-warning',
    node: 's000.sub.failure-warning',
    type: 'level',
    prompt: bi('设备出故障之前，企业能否提前得到预警？', 'Does your firm get warned before equipment breaks down?'),
    help: bi(
      '看维护是坏了再修，还是根据设备数据提前发现隐患、安排检修。例如系统发现某台电机振动和温度升高，提示安排保养。',
      'Whether maintenance waits for breakdowns or uses equipment data to spot trouble early and plan repairs, e.g. the system notices a motor’s vibration and temperature rising and asks for a service.',
    ),
    anchors: {
      1: bi(
        '设备坏了才修，意外停机时有发生。',
        'Machines are fixed after they break, and unplanned stoppages are common.',
      ),
      3: bi(
        '关键设备设有超限报警，并按计划定期保养。',
        'Key machines have limit alarms and are serviced on a fixed schedule.',
      ),
      5: bi(
        '系统根据运行数据预测故障并自动生成检修单，意外停机很少。',
        'The system predicts failures from operating data and raises work orders itself; unplanned downtime is rare.',
      ),
    },
  },
  {
    id: 's000.dynamic-adjustment',
    node: 's000.sub.dynamic-adjustment',
    type: 'level',
    prompt: bi(
      '企业能否根据订单和现场变化快速调整生产安排？',
      'Can your firm quickly change its production plan when orders or shop-floor conditions change?',
    ),
    help: bi(
      '指借助历史数据和算法重新排产、调配产线，减少等待和浪费。例如来了急单，系统几分钟内给出新的排产方案。',
      'Using past data and algorithms to reschedule and rebalance lines with less waiting and waste, e.g. the system proposes a new schedule within minutes when a rush order arrives.',
    ),
    anchors: {
      1: bi(
        '排产靠计划员手工编排，调整一次要一两天。',
        'Planners build schedules by hand, and each change takes a day or two.',
      ),
      3: bi(
        '使用排产系统，插单和变更能在当班内调整到位。',
        'A scheduling system is used, and rush orders or changes are absorbed within the same shift.',
      ),
      5: bi(
        '算法依据实时订单、设备和物料情况自动优化排产，小批量定制也能顺畅切换。',
        'Algorithms re-plan from live orders, machines and materials, and small custom batches switch over smoothly.',
      ),
    },
  },

  // ---- Path 1: 提质增效 — 管理提效 ------------------------------------------------------
  {
    id: 's000.intelligent-project-management',
    node: 's000.sub.intelligent-project-management',
    type: 'level',
    prompt: bi(
      '企业是否用数字化系统来规划和跟踪项目？',
      'Does your firm plan and track projects with digital systems?',
    ),
    help: bi(
      '指项目的任务分解、排期、人员和风险是否放在系统里管理，由系统提醒和分析。例如系统自动提示哪些任务可能延期。',
      'Whether tasks, schedules, people and risks of projects are managed in a system that sends reminders and analyses progress, e.g. the system warns which tasks are likely to slip.',
    ),
    anchors: {
      1: bi(
        '项目计划靠表格和邮件，进度要开会询问。',
        'Project plans live in spreadsheets and e-mail, and progress is found out in meetings.',
      ),
      3: bi(
        '主要项目在统一的项目管理平台上排期和分派任务。',
        'Major projects are scheduled and assigned on one shared project-management platform.',
      ),
      5: bi(
        '系统根据以往项目数据预测工期和风险，并建议如何调配人手。',
        'The system forecasts duration and risk from past projects and suggests how to move people around.',
      ),
    },
  },
  {
    id: 's000.transparent-execution',
    node: 's000.sub.transparent-execution',
    type: 'level',
    prompt: bi(
      '项目的进度、责任人和问题对相关人员是否公开透明？',
      'Are project progress, owners and open issues visible to everyone involved?',
    ),
    help: bi(
      '看参与项目的各方能否随时看到谁在做什么、做到哪一步、卡在哪里。例如在共享看板上查看每项任务的状态和负责人。',
      'Whether everyone on a project can see at any time who is doing what, how far it has got and where it is stuck, e.g. a shared board showing each task’s status and owner.',
    ),
    anchors: {
      1: bi(
        '进度信息掌握在个人手里，出了问题难以追溯责任。',
        'Progress information stays with individuals, and it is hard to trace responsibility when things go wrong.',
      ),
      3: bi(
        '重点项目有共享看板，进度和责任人一目了然。',
        'Key projects have shared boards that show progress and owners at a glance.',
      ),
      5: bi(
        '所有项目的节点、交付物和问题在线留痕，管理层和协作方可实时查看。',
        'Milestones, deliverables and issues of every project are recorded online and visible live to managers and partners.',
      ),
    },
  },
  {
    id: 's000.horizontal-stretch',
    node: 's000.sub.horizontal-stretch',
    type: 'level',
    prompt: bi(
      '各部门之间能否借助数字工具顺畅地横向沟通和协作？',
      'Do departments talk and work with each other smoothly through digital tools?',
    ),
    help: bi(
      '指跨部门的事情能否直接在线上一起处理，不必层层上报再转办。例如销售、生产和采购在同一个工作群里共同处理客户急单。',
      'Whether matters that involve several departments are handled together online instead of going up and down the hierarchy, e.g. sales, production and purchasing settling a rush order in one shared work group.',
    ),
    anchors: {
      1: bi(
        '跨部门事项要逐级上报、层层转办，响应很慢。',
        'Cross-department matters go up the hierarchy and back down, so responses are slow.',
      ),
      3: bi(
        '常见的跨部门流程已在线上打通，员工可直接发起协作。',
        'Common cross-department processes run online, and staff can start joint work directly.',
      ),
      5: bi(
        '可按任务随时在线组建跨部门小组，信息和审批在一个平台上流转。',
        'Cross-department teams form online whenever a task needs one, with information and approvals on one platform.',
      ),
    },
  },
  {
    id: 's000.automated-meetings',
    node: 's000.sub.automated-meetings',
    type: 'level',
    prompt: bi(
      '会议的安排、记录和后续跟进是否由数字工具自动完成？',
      'Are meeting scheduling, minutes and follow-up handled automatically by digital tools?',
    ),
    help: bi(
      '例如系统自动约时间和会议室、生成会议纪要，并把会上定下的待办事项分派给责任人、到期提醒。',
      'For example, the system books times and rooms, writes the minutes, and assigns the agreed action items to owners with reminders when they fall due.',
    ),
    anchors: {
      1: bi(
        '会议靠人工通知和手写记录，决定的事常常无人跟进。',
        'Meetings are arranged by hand and minuted on paper, and decisions often go unfollowed.',
      ),
      3: bi(
        '使用在线会议和日程工具，纪要和待办由专人整理后在线分享。',
        'Online meeting and calendar tools are used, and someone writes up and shares minutes and to-dos online.',
      ),
      5: bi(
        '纪要和待办由系统自动生成并分派，完成情况自动跟踪和提醒。',
        'The system produces and assigns minutes and to-dos, and tracks and chases their completion by itself.',
      ),
    },
  },

  // ---- Path 1: 提质增效 — 供应链优化 ----------------------------------------------------
  {
    id: 's000.supply-chain-coordination',
    node: 's000.sub.supply-chain-coordination',
    type: 'level',
    prompt: bi(
      '企业与上下游伙伴能否基于共享数据协同安排计划？',
      'Does your firm plan together with its suppliers and customers on shared data?',
    ),
    help: bi(
      '指需求预测、库存和生产计划在供应商、企业和客户之间共享，大家据此同步行动。例如供应商直接看到企业的物料需求计划并提前备货。',
      'Whether forecasts, stock levels and production plans are shared among suppliers, the firm and customers so that all act in step, e.g. suppliers see the firm’s material plan and prepare stock in advance.',
    ),
    anchors: {
      1: bi(
        '与供应商和客户主要靠电话、邮件逐单沟通。',
        'The firm deals with suppliers and customers order by order by phone and e-mail.',
      ),
      3: bi(
        '与主要供应商通过系统共享订单和库存信息。',
        'Orders and stock levels are shared with main suppliers through a system.',
      ),
      5: bi(
        '与上下游共享预测和计划数据，补货和生产安排自动联动。',
        'Forecasts and plans are shared up and down the chain, and replenishment and production adjust together automatically.',
      ),
    },
  },
  {
    id: 's000.supply-chain-visibility',
    node: 's000.sub.supply-chain-visibility',
    type: 'level',
    prompt: bi(
      '企业能否随时看到物料和产品在供应链各环节的状态？',
      'Can your firm see at any time where its materials and products are in the supply chain?',
    ),
    help: bi(
      '指从采购、入库、生产到发货、送达，每一环节的位置和状态能否在线查询和追溯。例如客户询问订单时，能马上告诉对方货物在哪里。',
      'Whether the location and status at every step, from purchasing and receipt through production to shipping and delivery, can be looked up and traced online, e.g. telling a customer at once where their order is.',
    ),
    anchors: {
      1: bi(
        '货物状态要打电话逐个询问，出了问题难以追溯。',
        'Finding out where goods are takes phone calls, and problems are hard to trace.',
      ),
      3: bi(
        '主要环节可在系统中查询状态，关键物料可按批次追溯。',
        'Main steps can be checked in a system, and key materials can be traced by batch.',
      ),
      5: bi(
        '从供应商到客户全程实时可见，异常自动预警并可追到源头。',
        'The whole chain from supplier to customer is visible live; problems trigger alerts and can be traced to their source.',
      ),
    },
  },
  {
    id: 's000.supply-chain-scheduling',
    node: 's000.sub.supply-chain-scheduling',
    type: 'level',
    prompt: bi(
      '仓储、物流和库存是否由算法智能调度？',
      'Are warehousing, transport and inventory scheduled by algorithms?',
    ),
    help: bi(
      '指用数据和算法决定备多少货、放在哪个仓、怎么配送最省时省钱。例如系统根据销售预测自动确定各仓库的补货量。',
      'Using data and algorithms to decide how much to stock, which warehouse to keep it in and how to deliver at the least time and cost, e.g. the system sets each warehouse’s reorder quantity from the sales forecast.',
    ),
    anchors: {
      1: bi(
        '库存和配送凭经验安排，缺货或积压较常见。',
        'Stock and deliveries are planned by experience, and shortages or overstock are common.',
      ),
      3: bi(
        '部分仓库或线路用系统优化补货量和配送路线。',
        'Some warehouses or routes use a system to optimise reorder quantities and delivery routes.',
      ),
      5: bi(
        '库存、仓储和运输由算法统一调度，并随需求变化实时调整。',
        'Inventory, warehousing and transport are scheduled together by algorithms and adjust live to demand.',
      ),
    },
  },

  // ---- Path 2: 交互合作 — factors and management mode ----------------------------------
  {
    id: 's000.co.laborer',
    node: 's000.cooperation.factors.laborer',
    type: 'level',
    prompt: bi(
      '企业是否拥有能跨部门、跨企业协同工作的人才？',
      'Does your firm have people who can work across departments and across company boundaries?',
    ),
    help: bi(
      '指员工能综合运用多种技能、灵活转换角色，并善于和外部伙伴一起完成任务。例如产品经理能同时协调外部开发者、供应商和内部团队。',
      'Staff who combine several skills, switch roles easily and work well with outside partners, e.g. a product manager who coordinates outside developers, suppliers and internal teams at the same time.',
    ),
    anchors: {
      1: bi(
        '员工分工固定，很少直接与外部伙伴合作。',
        'Roles are fixed, and staff seldom work directly with outside partners.',
      ),
      3: bi(
        '关键岗位有一批能对接外部伙伴、牵头跨界项目的骨干。',
        'Key roles include a core of people who deal with partners and lead projects that cross company lines.',
      ),
      5: bi(
        '跨界协作是员工的普遍能力，可按项目灵活组队，并有相应的培养和激励。',
        'Working across boundaries is a common skill; staff team up flexibly by project and are trained and rewarded for it.',
      ),
    },
  },
  {
    id: 's000.co.data',
    node: 's000.cooperation.factors.data',
    type: 'level',
    prompt: bi(
      '企业与合作伙伴之间的数据能否通过平台顺畅流通？',
      'Does data move smoothly between your firm and its partners through platforms?',
    ),
    help: bi(
      '看数据格式和接口是否统一，各方系统能否直接互通。例如企业和供应商的系统通过标准接口直接对接，不用再导出导入表格。',
      'Whether data formats and interfaces are standard so that each side’s systems can talk to each other, e.g. the firm’s and a supplier’s systems linked through a standard interface with no more spreadsheet export and import.',
    ),
    anchors: {
      1: bi(
        '与伙伴的数据靠表格和邮件传递，格式各不相同。',
        'Data goes to partners in spreadsheets and e-mail, in differing formats.',
      ),
      3: bi('与主要伙伴的部分系统已通过接口对接。', 'Some systems are linked to main partners through interfaces.'),
      5: bi(
        '数据按统一标准在合作平台上实时流通，新伙伴接入很快。',
        'Data flows live on the cooperation platform to common standards, and new partners connect quickly.',
      ),
    },
  },
  {
    id: 's000.co.technology',
    node: 's000.cooperation.factors.technology',
    type: 'multi',
    prompt: bi(
      '企业在与伙伴协作中使用了哪些平台技术？',
      'Which platform technologies does your firm use to work with partners?',
    ),
    help: bi(
      '只勾选已实际用于与外部伙伴共享资源或协同工作的技术，内部试用或计划中的不算。',
      'Tick only technologies actually used to share resources or work with outside partners; internal trials and plans do not count.',
    ),
    options: [
      opt('cloud', '云平台', 'Cloud platform'),
      opt('big-data', '大数据平台', 'Big-data platform'),
      opt('open-api', '开放接口或标准数据接口', 'Open APIs or standard data interfaces'),
      opt('blockchain', '区块链', 'Blockchain'),
      opt('industrial-internet', '工业互联网平台', 'Industrial internet platform'),
      opt('partner-portal', '供应商或合作伙伴门户', 'Supplier or partner portal'),
    ],
  },
  {
    id: 's000.co.mode',
    node: 's000.cooperation.mode',
    type: 'level',
    prompt: bi(
      '企业的管理方式在多大程度上支持开放合作？',
      'How far does your firm’s way of managing support open cooperation?',
    ),
    help: bi(
      '指是否依托数字平台维护合作网络，有专门的办法管理伙伴关系和共享资源，组织结构能随合作需要灵活调整。例如设立生态合作部门，统一管理各类伙伴和合作项目。',
      'Whether the firm runs its partner network on digital platforms, has set ways to manage partners and shared resources, and can reshape its organisation to suit cooperation, e.g. an ecosystem unit that looks after all partners and joint projects.',
    ),
    anchors: {
      1: bi(
        '合作多是零散的一次性交易，没有专门的管理办法。',
        'Cooperation is a string of one-off deals with no dedicated management.',
      ),
      3: bi(
        '有专人或部门负责重要伙伴关系，并在平台上管理合作项目。',
        'Named people or a unit look after key partners, and joint projects are managed on a platform.',
      ),
      5: bi(
        '围绕平台经营多元的合作网络，组织可按合作需要快速重组。',
        'A wide partner network is run around a platform, and the organisation regroups quickly as cooperation requires.',
      ),
    },
  },

  // ---- Path 2: 交互合作 — 关系建构 ------------------------------------------------------
  {
    id: 's000.trust-basis',
    node: 's000.sub.trust-basis',
    type: 'level',
    prompt: bi(
      '企业是否借助数字技术降低与合作方建立信任的成本？',
      'Does your firm use digital technology to make building trust with partners cheaper?',
    ),
    help: bi(
      '例如用区块链存证、电子合同和不可篡改的交易记录，代替反复核实和第三方担保，让双方更快放心合作。',
      'For example, blockchain records, e-contracts and tamper-proof transaction logs replace repeated checks and third-party guarantees, so both sides can start working together sooner.',
    ),
    anchors: {
      1: bi(
        '建立合作要靠熟人、担保和反复核查，耗时又费钱。',
        'New partnerships depend on personal ties, guarantees and repeated checks, which is slow and costly.',
      ),
      3: bi(
        '与主要伙伴使用电子合同和共享记录，人工核实明显减少。',
        'E-contracts and shared records are used with main partners, cutting manual checks.',
      ),
      5: bi(
        '交易和履约情况在可信平台上自动记录、无法篡改，新伙伴也能很快建立信任。',
        'Deals and delivery are logged automatically and tamper-proof on a trusted platform, so even new partners gain trust quickly.',
      ),
    },
  },
  {
    id: 's000.intelligent-matching',
    node: 's000.sub.intelligent-matching',
    type: 'level',
    prompt: bi(
      '企业能否借助数据和平台找到能力互补的合作伙伴？',
      'Can your firm find partners with complementary strengths through data and platforms?',
    ),
    help: bi(
      '指用平台数据或算法，按需求推荐合适的供应商、技术方或渠道伙伴，而不只靠熟人介绍。例如在产业平台上发布需求后，系统推荐几家匹配的企业。',
      'Using platform data or algorithms to suggest suitable suppliers, technology providers or sales partners for a need, not only relying on referrals, e.g. posting a need on an industry platform and receiving a shortlist of matching firms.',
    ),
    anchors: {
      1: bi('寻找合作伙伴主要靠熟人介绍和展会。', 'Partners are found mainly through acquaintances and trade fairs.'),
      3: bi(
        '会在产业平台或数据库中检索潜在伙伴，再人工比较。',
        'The firm searches industry platforms or databases for candidates and compares them by hand.',
      ),
      5: bi(
        '平台根据需求和以往合作数据自动推荐伙伴，匹配成功率高。',
        'Platforms recommend partners from needs and past cooperation data, and most matches work out.',
      ),
    },
  },
  {
    id: 's000.interactive-screening',
    node: 's000.sub.interactive-screening',
    type: 'level',
    prompt: bi(
      '企业是否通过在平台上的持续互动来筛选合作伙伴？',
      'Does your firm choose partners through ongoing interaction on platforms?',
    ),
    help: bi(
      '指先在线上小范围试合作、多交流，根据对方的响应、质量和口碑逐步决定是否加深合作。例如先下小批试单，再看平台上的交付记录决定是否长期合作。',
      'Starting with small online trials and exchanges and deciding step by step, from the other side’s responsiveness, quality and reputation, whether to go further, e.g. a small trial order first, then a long-term deal if its delivery record on the platform is good.',
    ),
    anchors: {
      1: bi('合作伙伴一次选定，之后很少重新评估。', 'Partners are chosen once and rarely reviewed afterwards.'),
      3: bi(
        '新伙伴先试合作，并参考平台上的评价和记录决定去留。',
        'New partners start with a trial, and platform ratings and records help decide whether to keep them.',
      ),
      5: bi(
        '伙伴表现数据持续在线评估，合作深度随评估结果动态调整。',
        'Partner performance is assessed online all the time, and the depth of cooperation shifts with the results.',
      ),
    },
  },

  // ---- Path 2: 交互合作 — 资源共享 ------------------------------------------------------
  {
    id: 's000.technology-exchange',
    node: 's000.sub.technology-exchange',
    type: 'level',
    prompt: bi(
      '企业是否通过开放平台与外部机构开展技术交流？',
      'Does your firm exchange technology with outside organisations through open platforms?',
    ),
    help: bi(
      '外部机构包括高校、科研院所、初创企业和同行。例如在开放创新平台上发布技术难题，邀请外部团队提出解决方案。',
      'Outside organisations include universities, research institutes, start-ups and other firms, e.g. posting a technical problem on an open-innovation platform and inviting outside teams to propose solutions.',
    ),
    anchors: {
      1: bi('技术工作基本在企业内部闭门进行。', 'Technical work is done almost entirely in-house.'),
      3: bi(
        '与几家高校或企业有固定的技术交流和联合项目。',
        'The firm has regular technical exchanges and joint projects with a few universities or firms.',
      ),
      5: bi(
        '运营或深度参与开放创新平台，与众多外部团队常态化交流共创。',
        'The firm runs or plays a leading part in an open-innovation platform and works routinely with many outside teams.',
      ),
    },
  },
  {
    id: 's000.user-circles',
    node: 's000.sub.user-circles',
    type: 'level',
    prompt: bi(
      '企业与合作伙伴之间是否互相打通用户资源？',
      'Does your firm open up its customer base to partners, and theirs to it?',
    ),
    help: bi(
      '指在用户同意的前提下，与伙伴互相引流、会员互通或共同服务同一批用户。例如家电企业与家装平台互相提供会员权益。',
      'With customers’ consent, sending customers to each other, linking memberships or serving the same customers together, e.g. an appliance maker and a home-renovation platform offering each other’s members benefits.',
    ),
    anchors: {
      1: bi(
        '各自经营自己的用户，与伙伴之间没有用户往来。',
        'Each firm keeps its own customers, and none are shared with partners.',
      ),
      3: bi('与个别伙伴开展联合营销或会员互通。', 'Joint marketing or linked memberships are run with a few partners.'),
      5: bi(
        '合作圈内用户账户和权益互通，各方共同挖掘用户需求。',
        'Customer accounts and benefits work across the partner network, and partners explore customer needs together.',
      ),
    },
  },
  {
    id: 's000.data-sharing',
    node: 's000.sub.data-sharing',
    type: 'level',
    prompt: bi(
      '企业是否按协议与合作伙伴相互开放数据？',
      'Does your firm share data with partners, both ways, under agreements?',
    ),
    help: bi(
      '指在约定的范围、用途和安全措施下，与伙伴共享销售、库存、研发或运行数据。例如与供应商共享产品质量数据，一起查找问题原因。',
      'Sharing sales, stock, R&D or operating data with partners within an agreed scope, purpose and safeguards, e.g. sharing product-quality data with a supplier to find the cause of a defect together.',
    ),
    anchors: {
      1: bi('数据只在企业内部使用，基本不对外提供。', 'Data is used only inside the firm and is hardly ever shared.'),
      3: bi(
        '与少数伙伴按协议定期交换部分数据。',
        'Some data is exchanged regularly with a few partners under agreements.',
      ),
      5: bi(
        '通过标准接口与众多伙伴按规则实时共享数据，权限和安全管理清晰。',
        'Data is shared live with many partners through standard interfaces, under clear rules on access and security.',
      ),
    },
  },

  // ---- Path 2: 交互合作 — 协调合作 ------------------------------------------------------
  {
    id: 's000.tacit-alignment',
    node: 's000.sub.tacit-alignment',
    type: 'level',
    prompt: bi(
      '企业与主要合作伙伴之间是否形成了默契的协作方式？',
      'Have your firm and its main partners settled into a well-practised way of working together?',
    ),
    help: bi(
      '指双方对彼此的流程、节奏和分工心中有数，很多事不必反复确认就能配合好。例如伙伴在共享系统中看到计划变化，不等通知就主动调整。',
      'Both sides know each other’s processes, pace and roles, so many things fit together without repeated checking, e.g. a partner sees a plan change in the shared system and adjusts without being told.',
    ),
    anchors: {
      1: bi(
        '每次合作都要从头沟通细节，配合经常出错。',
        'Every job needs the details spelt out from scratch, and hand-offs often go wrong.',
      ),
      3: bi(
        '与长期伙伴有固定的做法，日常事务基本配合顺畅。',
        'Fixed routines exist with long-term partners, and day-to-day work mostly runs smoothly.',
      ),
      5: bi(
        '双方依据共享数据主动配合，情况变化时也能自然衔接。',
        'Both sides act on shared data without prompting and stay in step even when things change.',
      ),
    },
  },
  {
    id: 's000.easy-consensus',
    node: 's000.sub.easy-consensus',
    type: 'level',
    prompt: bi(
      '与合作伙伴在重要事项上能否较快达成一致？',
      'Can your firm and its partners agree on important matters quickly?',
    ),
    help: bi(
      '看双方是否基于同一套透明的数据讨论问题，从而少扯皮。例如用共享的成本和进度数据商定调价或交期变更。',
      'Whether both sides argue from the same open figures, so there is less wrangling, e.g. agreeing a price change or a new delivery date from shared cost and progress data.',
    ),
    anchors: {
      1: bi(
        '双方掌握的信息不一样，分歧要多轮谈判甚至上级出面。',
        'Each side sees different information, and disputes need many rounds of talks or senior managers stepping in.',
      ),
      3: bi(
        '主要事项依据共享数据讨论，一般沟通几次就能定下来。',
        'Main issues are discussed on shared data and are usually settled in a few exchanges.',
      ),
      5: bi(
        '规则和数据事先公开约定，多数事项按规则直接决定，分歧很少。',
        'Rules and data are agreed openly in advance, most matters are settled by those rules, and disputes are rare.',
      ),
    },
  },
  {
    id: 's000.mutual-benefit',
    node: 's000.sub.mutual-benefit',
    type: 'level',
    prompt: bi(
      '企业与合作伙伴之间是否有量化贡献、共享收益的安排？',
      'Does your firm have arrangements with partners to measure contributions and share the gains?',
    ),
    help: bi(
      '指用数据记录各方在合作中的投入和贡献，并据此分配收益或知识产权。例如联合开发的产品按各方贡献比例分成。',
      'Recording with data what each side puts in and contributes, and dividing gains or intellectual property accordingly, e.g. revenue from a jointly developed product split by each partner’s share of the work.',
    ),
    anchors: {
      1: bi(
        '收益怎么分靠谈判和关系，没有明确依据。',
        'Gains are divided by bargaining and relationships, with no clear basis.',
      ),
      3: bi(
        '重要合作有书面的收益分配约定，贡献定期核算。',
        'Important partnerships have written gain-sharing terms, and contributions are totted up periodically.',
      ),
      5: bi(
        '各方贡献由系统持续记录和评估，收益和权益按规则自动结算。',
        'A system keeps recording and assessing each side’s contribution, and gains and rights are settled automatically by rule.',
      ),
    },
  },

  // ---- Path 3: 创新突破 — factors and management mode ----------------------------------
  {
    id: 's000.ib.laborer',
    node: 's000.innovation.factors.laborer',
    type: 'level',
    prompt: bi(
      '企业是否拥有并留得住敢于探索、善于创新的人才？',
      'Does your firm have, and keep, people who are willing to explore and good at innovating?',
    ),
    help: bi(
      '指员工能主动发现问题、改进工具和方法，并在反复试验中推动技术进步。例如研发人员自发改造测试装置，大大缩短了试验时间。',
      'Staff who spot problems on their own, improve tools and methods, and push technology forward through repeated trials, e.g. engineers who rebuild a test rig on their own initiative and cut test time sharply.',
    ),
    anchors: {
      1: bi('研发力量薄弱，员工主要执行既定任务。', 'R&D strength is thin, and staff mainly carry out assigned tasks.'),
      3: bi(
        '有一支稳定的研发骨干队伍，并有专门的引才和激励政策。',
        'There is a stable core R&D team, with dedicated policies to attract and reward talent.',
      ),
      5: bi(
        '汇聚了跨学科的顶尖人才，员工普遍主动探索新方向并获得充分授权。',
        'Top people from many disciplines work here, and staff widely explore new directions with real freedom to do so.',
      ),
    },
  },
  {
    id: 's000.ib.data',
    node: 's000.innovation.factors.data',
    type: 'level',
    prompt: bi(
      '企业是否掌握可用于研发创新的独特数据？',
      'Does your firm hold distinctive data that it can use for R&D and innovation?',
    ),
    help: bi(
      '指别人难以获得、能启发新产品或新技术的数据。例如多年积累的试验数据、产品在用户手中的运行数据或细分场景的数据。',
      'Data others find hard to obtain that can spark new products or technologies, such as years of test results, data from products in customers’ hands, or data from niche uses.',
    ),
    anchors: {
      1: bi(
        '研发主要依据公开资料，自有数据很少用于创新。',
        'R&D relies on public information, and the firm’s own data is seldom used for innovation.',
      ),
      3: bi(
        '积累了一定的试验和用户数据，部分研发项目会用到。',
        'Some test and user data has been built up, and some R&D projects use it.',
      ),
      5: bi(
        '系统积累并管理独有的创新数据，它是研发方向和技术突破的重要来源。',
        'Distinctive innovation data is built up and managed systematically and is a major source of R&D direction and breakthroughs.',
      ),
    },
  },
  {
    id: 's000.ib.technology',
    node: 's000.innovation.factors.technology',
    type: 'number',
    prompt: bi(
      '企业最近一个财年的研发投入占营业收入的比例是多少？',
      'What was your firm’s R&D spending as a share of revenue in the last financial year?',
    ),
    help: bi(
      '用账面研发费用除以营业收入。例如收入 10 亿元、研发投入 3000 万元，填 3。',
      'Divide R&D spending as booked in the accounts by revenue. For example, revenue of 1 billion yuan and R&D of 30 million yuan gives 3.',
    ),
    unit: bi('%', '%'),
    bands: [1, 2, 3, 5, 8],
    min: 0,
    max: 100,
  },
  {
    id: 's000.ib.mode',
    node: 's000.innovation.mode',
    type: 'level',
    prompt: bi(
      '企业的管理方式在多大程度上鼓励探索和突破性创新？',
      'How far does your firm’s way of managing encourage exploration and breakthrough innovation?',
    ),
    help: bi(
      '看创新流程、组织安排和考核是否给前沿探索留出空间，是否容许失败。例如设立独立的预研团队，不以短期收益作为主要考核标准。',
      'Whether innovation processes, organisation and appraisal leave room for frontier work and accept failure, e.g. a separate advance-research team that is not judged mainly on short-term returns.',
    ),
    anchors: {
      1: bi(
        '创新让位于短期业绩，项目失败会被追责。',
        'Innovation gives way to short-term results, and failed projects are punished.',
      ),
      3: bi(
        '有专门的创新流程和预算，允许部分项目试错。',
        'There is a dedicated innovation process and budget, and some projects are allowed to fail.',
      ),
      5: bi(
        '探索性项目有独立机制和长期投入，失败被视为学习，创新贯穿从洞察需求到成果落地全过程。',
        'Exploratory projects have their own rules and long-term funding, failure counts as learning, and innovation runs from spotting needs to getting results to market.',
      ),
    },
  },

  // ---- Path 3: 创新突破 — 机会感知 ------------------------------------------------------
  {
    id: 's000.market-trends',
    node: 's000.sub.market-trends',
    type: 'level',
    prompt: bi(
      '企业是否利用数据分析来判断市场走向？',
      'Does your firm use data analysis to judge where its market is heading?',
    ),
    help: bi(
      '指持续收集行业、竞争对手和用户数据，用分析工具发现需求和技术的变化。例如从搜索和销售数据中提前看出某类产品需求上升。',
      'Collecting industry, competitor and customer data all the time and using analysis tools to see shifts in demand and technology, e.g. spotting early from search and sales data that demand for a product type is rising.',
    ),
    anchors: {
      1: bi(
        '对市场的判断主要靠管理者经验和偶尔的调研。',
        'Views on the market rest on managers’ experience and the occasional survey.',
      ),
      3: bi(
        '定期形成基于数据的市场分析，用于年度规划。',
        'Data-based market analyses are produced regularly and used in annual planning.',
      ),
      5: bi(
        '持续监测多种数据来源，趋势变化能及时反映到产品和战略决策中。',
        'Many data sources are watched continuously, and shifts feed quickly into product and strategy decisions.',
      ),
    },
  },
  {
    id: 's000.business-opportunities',
    node: 's000.sub.business-opportunities',
    type: 'level',
    prompt: bi(
      '企业能否从用户和行业数据中发现新的商业机会？',
      'Can your firm find new business opportunities in customer and industry data?',
    ),
    help: bi(
      '指从数据中找出尚未被满足的需求或痛点，并把它变成可以立项的方向。例如从售后数据中发现用户普遍抱怨的问题，进而开发新产品。',
      'Finding unmet needs or pain points in data and turning them into projects, e.g. noticing a common complaint in after-sales data and developing a new product to solve it.',
    ),
    anchors: {
      1: bi(
        '新业务的想法主要来自个人灵感或模仿同行。',
        'New business ideas come mainly from individual hunches or from copying competitors.',
      ),
      3: bi(
        '已有从数据中发现机会并立项的实例。',
        'There are cases where an opportunity found in data became a project.',
      ),
      5: bi(
        '有固定机制从数据中挖掘机会，每年都有一批由此产生的项目落地。',
        'A standing process mines data for opportunities, and each year several projects that came out of it go ahead.',
      ),
    },
  },
  {
    id: 's000.digital-front-end',
    node: 's000.sub.digital-front-end',
    type: 'level',
    prompt: bi(
      '在创新的早期阶段，企业是否用数字工具摸清需求和技术动向？',
      'At the early stage of innovation, does your firm use digital tools to explore needs and technology trends?',
    ),
    help: bi(
      '指在立项之前，用线上调研、用户社区、专利和文献分析、小范围线上测试等方式确定方向。例如先在用户社区发布概念方案，看反馈再决定是否研发。',
      'Before a project starts, using online surveys, user communities, patent and literature searches or small online tests to set the direction, e.g. posting a concept in a user community and deciding on development after seeing the response.',
    ),
    anchors: {
      1: bi(
        '研发方向主要由内部讨论决定，事先很少做外部探测。',
        'R&D direction is set in internal discussion, with little outside exploration beforehand.',
      ),
      3: bi(
        '重要项目立项前会做专利检索和线上用户调研。',
        'Before major projects start, patent searches and online user research are done.',
      ),
      5: bi(
        '常态化运用数据平台和用户社区跟踪新需求和新技术，立项依据充分。',
        'Data platforms and user communities are used routinely to follow new needs and technology, so projects start on solid evidence.',
      ),
    },
  },

  // ---- Path 3: 创新突破 — 创新迭代 ------------------------------------------------------
  {
    id: 's000.result-transfer',
    node: 's000.sub.result-transfer',
    type: 'level',
    prompt: bi(
      '企业的研发成果能否较快转化为产品和生产能力？',
      'Can your firm turn R&D results into products and production capacity quickly?',
    ),
    help: bi(
      '看研发成果从实验室走到量产、上市要多长时间，成功的多不多。例如借助数字化设计和仿真，新产品从样机到量产的周期明显缩短。',
      'How long it takes, and how often it works, for R&D results to get from the lab to volume production and the market, e.g. digital design and simulation clearly shortening the time from prototype to mass production.',
    ),
    anchors: {
      1: bi(
        '不少研发成果停留在样品或论文阶段，难以投产。',
        'Many R&D results stay as samples or papers and never reach production.',
      ),
      3: bi(
        '主要研发项目有明确的转化流程，多数能按计划投产。',
        'Main R&D projects follow a clear path to production, and most get there on plan.',
      ),
      5: bi(
        '研发、工艺和生产在统一的数字平台上衔接，成果转化快、成功率高。',
        'R&D, process engineering and production connect on one digital platform, so results reach production fast and usually succeed.',
      ),
    },
  },
  {
    id: 's000.data-driven-iteration',
    node: 's000.sub.data-driven-iteration',
    type: 'level',
    prompt: bi(
      '企业是否利用实时数据持续改进产品和技术？',
      'Does your firm use live data to keep improving its products and technology?',
    ),
    help: bi(
      '指产品在使用、运行和测试中产生的数据被持续收集，用来找出改进点并快速更新。例如用数字孪生模拟测试代替部分实物样机，每轮测试数据都用于下一版设计。',
      'Data from product use, operation and testing is collected continuously and used to find improvements and update quickly, e.g. digital-twin tests replacing some physical prototypes, with each round’s data feeding the next design.',
    ),
    anchors: {
      1: bi(
        '产品上市后很少收集使用数据，改版周期长。',
        'Little usage data is collected after launch, and new versions are slow to come.',
      ),
      3: bi(
        '主要产品会收集运行数据，并定期据此改版。',
        'Operating data is collected for main products and used for periodic revisions.',
      ),
      5: bi(
        '数据持续回流研发，借助仿真和数字孪生快速迭代，版本更新频繁。',
        'Data flows back to R&D all the time, and simulation and digital twins allow fast, frequent new versions.',
      ),
    },
  },
  {
    id: 's000.feedback-iteration',
    node: 's000.sub.feedback-iteration',
    type: 'level',
    prompt: bi(
      '企业能否根据用户和测试反馈快速改进产品？',
      'Can your firm improve its products quickly on customer and test feedback?',
    ),
    help: bi(
      '看用户意见、投诉和试用结果能否及时传到研发团队，并体现在下一个版本中。例如上线一个小改动，再根据用户评价决定保留还是撤回。',
      'Whether customer comments, complaints and trial results reach the R&D team in time and show up in the next version, e.g. releasing a small change and keeping or dropping it based on customer reviews.',
    ),
    anchors: {
      1: bi(
        '用户反馈散落在各部门，很少到达研发人员手中。',
        'Customer feedback is scattered across departments and rarely reaches R&D staff.',
      ),
      3: bi(
        '有统一渠道收集反馈，研发定期评审并安排改进。',
        'Feedback is gathered through one channel, and R&D reviews it regularly and plans fixes.',
      ),
      5: bi(
        '反馈实时汇总分析，小步快改成为常态。',
        'Feedback is gathered and analysed live, and small, quick improvements are the norm.',
      ),
    },
  },

  // ---- Path 3: 创新突破 — 稀缺资源捕获 --------------------------------------------------
  {
    id: 's000.complementary-resources',
    node: 's000.sub.complementary-resources',
    type: 'level',
    prompt: bi(
      '企业是否借助数字手段寻找能补足自身短板的外部创新资源？',
      'Does your firm use digital means to find outside innovation resources that fill its own gaps?',
    ),
    help: bi(
      '外部资源包括技术、设备、资金、人才和专业服务。例如通过创新平台找到具备自己所缺测试能力的实验室并与之合作。',
      'Outside resources include technology, equipment, funding, people and specialist services, e.g. finding through an innovation platform a lab that has the testing capability the firm lacks, and working with it.',
    ),
    anchors: {
      1: bi(
        '缺什么资源临时去找，主要靠个人关系。',
        'Missing resources are looked for when needed, mainly through personal contacts.',
      ),
      3: bi(
        '清楚自身短板，并借助平台和数据库有针对性地搜寻资源。',
        'The firm knows its gaps and searches platforms and databases specifically for them.',
      ),
      5: bi(
        '系统识别短板，并在全球范围在线搜寻和调配互补资源。',
        'Gaps are identified systematically, and complementary resources are found and arranged online worldwide.',
      ),
    },
  },
  {
    id: 's000.heterogeneous-knowledge',
    node: 's000.sub.heterogeneous-knowledge',
    type: 'level',
    prompt: bi(
      '企业能否把来自不同领域和来源的知识融合起来用于创新？',
      'Can your firm combine knowledge from different fields and sources to innovate?',
    ),
    help: bi(
      '指把内部经验与外部专家、其他行业和科研成果的知识结合起来，得出新的方案。例如组建跨学科团队，并用知识管理系统汇集内外部资料。',
      'Combining in-house experience with knowledge from outside experts, other industries and research to reach new solutions, e.g. forming cross-disciplinary teams and pooling internal and external material in one knowledge system.',
    ),
    anchors: {
      1: bi(
        '知识主要来自本专业、本部门，很少跨界借鉴。',
        'Knowledge comes mainly from the firm’s own field and department, with little borrowing from elsewhere.',
      ),
      3: bi(
        '部分项目有跨部门、跨学科的成员，并有共享的知识库。',
        'Some projects have members from several departments and disciplines, and there is a shared knowledge base.',
      ),
      5: bi(
        '跨界团队是常态，借助智能工具不断整合内外部知识并产出新成果。',
        'Mixed teams are the norm, and smart tools keep combining internal and external knowledge into new results.',
      ),
    },
  },
  {
    id: 's000.frontier-technology',
    node: 's000.sub.frontier-technology',
    type: 'level',
    prompt: bi(
      '企业能否及时获取并掌握本领域的前沿技术？',
      'Does your firm get hold of and master the latest technology in its field in good time?',
    ),
    help: bi(
      '指跟踪最新的技术进展，并通过自主研发、合作或引进尽早掌握。例如安排专人跟踪专利和论文，并与高校共建实验室。',
      'Following the newest advances and mastering them early through own R&D, partnerships or licensing, e.g. staff who track patents and papers, and a lab run jointly with a university.',
    ),
    anchors: {
      1: bi(
        '新技术多在行业普及之后才跟进。',
        'New technology is taken up only after it has spread across the industry.',
      ),
      3: bi(
        '有专人跟踪技术动态，并在少数方向开展预先研究。',
        'Dedicated staff follow technology, and early-stage research runs in a few directions.',
      ),
      5: bi(
        '建有技术跟踪和预研体系，在若干关键方向处于行业前列。',
        'A system for watching technology and doing early research keeps the firm near the front in several key areas.',
      ),
    },
  },
];
