/**
 * One line per command, in both languages: the text of `xinzhi --help` and of
 * each command's own help. Kept apart from the command modules so that the
 * top-level help lists every command without loading any of them.
 */
export const COMMAND_SUMMARIES = {
  framework:
    'The system of the five seed papers as a typed model / 五篇文献的体系模型: tree, show, search, path, remedies, diagnose, validate; --format mermaid|dot|markdown, --json',
  evaluate:
    'Build an index: normalise, weight, aggregate, rank / 测度综合指数（无量纲化、赋权、合成、排名）; without --data/--spec: the embedded provincial NQPF index',
  compare:
    "The same index under two tools' conventions (presets), and which setting moves which number / 两种口径（预设）下的同一指数及差异来源: --preset A --preset B",
  sql: 'Compile an index build to SQL for a database engine / 把指数测度编译为数据库引擎的 SQL: duckdb, postgres, clickhouse, spark, trino, doris',
  analyze:
    'Analyse a panel or an evaluation result / 分析面板数据或测度结果: coupling, obstacle, gini, theil, kde, weights, moran, geary, lisa, markov, convergence, gra',
  estimate: 'Panel regressions with fixed effects and clustered standard errors / 面板回归（固定效应、聚类标准误）',
  describe: 'Descriptive statistics and correlation matrix (the first table of a paper) / 描述性统计与相关系数矩阵',
  simulate: 'run a system-dynamics model (XMILE / Vensim / seed000) and its scenarios / 运行系统动力学模型及其情景',
  tfp: 'Total factor productivity: DEA (CCR, BCC, SBM, super-efficiency), Malmquist, ML, GML; firm OLS, FE, OP, LP, ACF / 全要素生产率',
  qca: 'Qualitative comparative analysis (csQCA, mvQCA, fsQCA) / 定性比较分析: calibrate, necessity, fit, truthtable, minimize, robustness',
  text: 'firm digitalisation text index of annual reports / 年报文本的企业数字化转型指数',
  assess: 'firm self-assessment on the paths of seeds 000 and 003 / 企业新质生产力自评',
  serve: 'self-assessment server (HTTP API; SQLite or PostgreSQL) / 企业自评服务（HTTP 接口；SQLite 或 PostgreSQL）',
} as const;

export type CommandName = keyof typeof COMMAND_SUMMARIES;
