/**
 * An index build compiled to SQL, for panels that live in a database or a
 * distributed engine. The stages that are aggregations over the whole panel
 * run inside the engine; only one row of weights (or one per time) and the
 * scores come back.
 *
 *   base        r_j   = raw column (÷ denominator × scale, ln / ln(1+x))
 *   stats       min, max, mean, sd, √Σr² of r_j        (pooled or per time)
 *   normalized  z_j   = the spec's normalisation of r_j  (normalize.ts formulas)
 *   weights     from sums over z_j that partitions compute apart and merge:
 *               entropy  e_j = −(L_j/S_j − ln S_j)/ln n,  S_j = Σz, L_j = Σ z ln z
 *                        (Σ p ln p with p = z/S_j, rewritten as sums), w_j ∝ 1 − e_j
 *               CRITIC   Q_jk = Σ c_j c_k − Σc_j Σc_k / n with c_j = z_j − a_j
 *                        (a_j: the normalised raw mean, for numerical stability),
 *                        σ_j = √(Q_jj/(n−1)), r_jk = Q_jk/√(Q_jj Q_kk),
 *                        w_j ∝ σ_j Σ_k (1 − r_jk)
 *               CV       w_j ∝ σ_j / z̄_j
 *               equal, given: constants of the spec
 *   scores      bottom-up weighted arithmetic / geometric means, × score.scale
 *   ranks       within each time, descending, ties "min" or "average"
 *
 * The weights equal those of `evaluate` (same formulas, degenerate cases
 * included: a constant column weighs 0, all-zero divergences give 1/k) up to
 * rounding; they do not depend on how the engine splits the table, because
 * every weight is a function of sums. A missing value (NULL) in an indicator
 * makes the weights NULL (and `missing_j` counts it) rather than being
 * skipped by the aggregates.
 *
 * Long data (a row per unit, time and indicator: `spec.long`) is pivoted in
 * the engine first: one column per indicator name, MAX(CASE WHEN indicator =
 * name THEN value END) grouped by unit and time. Two check queries run before
 * it (runIndexSql): the indicator names the table holds (a name of the spec
 * that is not there is a missing column, as when reading the file) and the
 * (unit, time, indicator) records that appear more than once (which the
 * pivot would otherwise merge silently); an absent record is a missing value.
 * On DuckDB and PostgreSQL (session temporary tables) the plan also holds the
 * same build through one pass over the records (`long.pivoted`): pivoted
 * once, with each (unit, time)'s record count, into a temporary table that
 * the checks and the wide build read; the printed script (and ClickHouse)
 * reads the records in every stage.
 *
 * Supported: wide and long data; normalize minmax, zscore, vector, mean-ratio, none
 * (pooled or by time, with log); weights entropy, critic, cv, equal, given
 * (pooled or by time; scope "leaves", and "children" for equal / given);
 * aggregate arithmetic or geometric; score.scale and ties. Anything else in a
 * spec is refused with the field to change.
 *
 * Example: compileIndexSql(spec, 'duckdb', { table: 'panel' }).script
 */
import { XinzhiError, type Problem } from '../errors.ts';
import { bi, type Bilingual } from '../i18n.ts';
import { buildHierarchy, type Hierarchy } from '../measure/hierarchy.ts';
import { INDEX_ID } from '../measure/result.ts';
import { validateSpec } from '../measure/spec-schema.ts';
import type { FilledSpec } from '../measure/spec.ts';
import { DIALECTS, type Dialect, type DialectName } from './dialect.ts';
import { COLUMN_ROLE, missingColumnProblem } from '../panel/problems.ts';

export interface SqlPlan {
  dialect: DialectName;
  spec: FilledSpec;
  /** Indicator ids in spec order; weight column w_j (and missing_j) is the j-th (from 0). */
  indicators: string[];
  /** Non-leaf nodes below the index, bottom-up; score column n_i is the i-th. */
  nodes: string[];
  /** Weights vary by time (weights.panel "by-time" with data-driven weights). */
  weightsByTime: boolean;
  /** One row (or one per t__): w_0..w_{k−1} global indicator weights, missing_0.. counts. */
  weightsQuery: string;
  /** One row per unit and time: u__, t__, n_0.., score, rk. */
  scoresQuery: string;
  /** Both statements with a header, ready to run in the engine. */
  script: string;
  /** One row of the table (its columns, checked by planColumnProblems before the build runs). */
  sampleQuery: string;
  /**
   * Long data, checked before the build (runIndexSql): the names pivoted
   * (indicator columns and denominators of the spec); the indicator names in
   * the table (`i__`); the most records any (unit, time) has of each name
   * (`m_0`, `m_1`, … in the order of `names`: one pass, grouped as the pivot
   * is); and, to name them when a count exceeds 1, up to 20 (unit, time,
   * indicator) records that appear more than once (`u__`, `t__`, `i__`, `n__`).
   */
  long?: {
    names: string[];
    namesQuery: string;
    countsQuery: string;
    duplicatesQuery: string;
    /**
     * For engines that keep session temporary tables (DuckDB, PostgreSQL):
     * the same build through one pass over the records. `create` pivots
     * them once into the temporary table PIVOT_TABLE (always named with the
     * dialect's temporary schema), with the number of
     * records of each (unit, time); `countsQuery` reads from it `e__`, the
     * most records any (unit, time) has beyond one per name of the spec with
     * a value (0 unless a name appears twice, the table holds other names or
     * a value is NULL: then the checks above run on the records), and `s_q`,
     * the values of each name (0 for a name the table may lack: then
     * `namesQuery` says); the weights and scores queries are the wide build
     * on it; `drop` removes it.
     */
    pivoted?: { create: string; countsQuery: string; weightsQuery: string; scoresQuery: string; drop: string };
  };
}

/** The temporary table a long-data plan's `pivoted` build pivots the records into. */
export const PIVOT_TABLE = 'xinzhi_pivot';

/**
 * The schema of session temporary tables per dialect: the pivot table is
 * always named through it, so a table of the user's with the same name is
 * neither read nor dropped.
 */
const TEMP_SCHEMA: Partial<Record<DialectName, string>> = { duckdb: 'temp', postgres: 'pg_temp' };

export interface CompileOptions {
  /** Table (or view) holding the panel; "schema.table" is quoted part by part. */
  table: string;
}

type Method = FilledSpec['weights']['method'];
const DATA_METHODS: Method[] = ['entropy', 'critic', 'cv'];
const CONSTANT_METHODS: Method[] = ['equal', 'given'];

function unsupported(field: string, value: unknown, fix: [string, string]): Problem {
  return {
    code: 'sql-unsupported',
    severity: 'error',
    column: field,
    message: bi(
      `SQL 编译不支持 ${field} = ${JSON.stringify(value)}。`,
      `compiling to SQL does not support ${field} = ${JSON.stringify(value)}.`,
    ),
    fix: bi(fix[0], fix[1]),
  };
}

const IN_MEMORY: [string, string] = [
  '改用支持的设置，或在内存中运行 xinzhi evaluate（不加 --engine）。',
  'Use a supported setting, or run xinzhi evaluate in memory (without --engine).',
];

/** The features of a spec the compiler cannot express, as problems. */
export function sqlProblems(spec: FilledSpec): Problem[] {
  const p: Problem[] = [];
  if (spec.missing.method !== 'error')
    p.push(
      unsupported('missing.method', spec.missing.method, [
        '在数据库中先处理缺失值；SQL 路径要求数据完整（缺失值使权重为 NULL）。',
        'Treat missing values in the database first; the SQL path needs complete data (a missing value makes the weights NULL).',
      ]),
    );
  if (spec.outliers.method !== 'none') p.push(unsupported('outliers.method', spec.outliers.method, IN_MEMORY));
  const m = spec.weights.method;
  if (![...DATA_METHODS, ...CONSTANT_METHODS].includes(m)) p.push(unsupported('weights.method', m, IN_MEMORY));
  if (spec.weights.scope === 'children' && DATA_METHODS.includes(m))
    p.push(
      unsupported('weights.scope', 'children', [
        '数据驱动的权重请用 scope "leaves"，或在内存中运行。',
        'Use scope "leaves" with data-driven weights, or run in memory.',
      ]),
    );
  if (m === 'entropy' && (spec.normalize.method === 'zscore' || spec.normalize.method === 'none'))
    p.push(
      unsupported('normalize.method', spec.normalize.method, [
        '熵权法需要非负数据：用 minmax（平移量 0.0001）。',
        'Entropy weights need non-negative data: use minmax (shift 0.0001).',
      ]),
    );
  for (const k of ['topsis', 'gra', 'vikor'] as const)
    if (spec.score[k]) p.push(unsupported(`score.${k}`, spec.score[k], IN_MEMORY));
  if (spec.uncertainty) p.push(unsupported('uncertainty', 'draws', IN_MEMORY));
  if (spec.normalize.method === 'goalposts' || spec.normalize.method === 'distance-to-target')
    p.push(unsupported('normalize.method', spec.normalize.method, IN_MEMORY));
  if (spec.aggregate.method !== 'arithmetic' && spec.aggregate.method !== 'geometric')
    p.push(unsupported('aggregate.method', spec.aggregate.method, IN_MEMORY));
  // tool presets' conventions (presets.ts) run in memory only
  if (spec.normalize.range) p.push(unsupported('normalize.range', spec.normalize.range, IN_MEMORY));
  if (spec.weights.entropy) p.push(unsupported('weights.entropy', spec.weights.entropy, IN_MEMORY));
  return p;
}

/** A double literal: the shortest decimal that round-trips, cast explicitly. */
function lit(d: Dialect, x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite literal: ${x}`);
  return `CAST(${String(x)} AS ${d.double})`;
}

function quoteTable(d: Dialect, table: string): string {
  return table
    .split('.')
    .map((part) => d.quote(part))
    .join('.');
}

/** A string literal ('' for a quote; ClickHouse also reads a backslash as an escape). */
function str(d: Dialect, s: string): string {
  const body = d.name === 'clickhouse' ? s.replaceAll('\\', '\\\\') : s;
  return `'${body.replaceAll("'", "''")}'`;
}

/** Standard deviation with n − 1 (ClickHouse's numerically stable variant). */
function sdSamp(d: Dialect, x: string): string {
  return d.name === 'clickhouse' ? `stddevSampStable(${x})` : `STDDEV_SAMP(${x})`;
}

/**
 * The columns a plan reads (unit, time, indicators and their denominators)
 * that the table does not have, each as the "missing-column" problem the file
 * reader gives (with the closest name), for `source` (a file or table name).
 * Checked before the queries run, so a misspelt column is named instead of
 * surfacing as the engine's binder error.
 * @example planColumnProblems(plan, ['unit', 'year', 'x1'], 'firms.parquet')
 */
export function planColumnProblems(plan: SqlPlan, available: string[], source?: string): Problem[] {
  const have = new Set(available);
  const spec = plan.spec;
  const wanted: Array<[string, Bilingual]> = [[spec.unit, COLUMN_ROLE.unit]];
  if (spec.time) wanted.push([spec.time, COLUMN_ROLE.time]);
  if (spec.long) {
    // the indicators are rows: the names are checked by the plan's namesQuery (longNameProblems)
    wanted.push([spec.long.indicator, COLUMN_ROLE.indicator], [spec.long.value, COLUMN_ROLE.value]);
  } else
    for (const i of spec.indicators) {
      wanted.push([i.column, COLUMN_ROLE.column]);
      if (i.denominator) wanted.push([i.denominator, COLUMN_ROLE.denominator]);
    }
  const seen = new Set<string>();
  return wanted
    .filter(([c]) => !have.has(c) && !seen.has(c) && seen.add(c))
    .map(([c, role]) => missingColumnProblem(c, available, role, source));
}

/** Compile a spec to SQL for one dialect (see the module comment). */
export function compileIndexSql(input: unknown, dialectName: DialectName, opts: CompileOptions): SqlPlan {
  const d = DIALECTS[dialectName];
  if (!d) throw new Error(`unknown dialect: ${dialectName}`);
  const spec = validateSpec(input);
  const problems = sqlProblems(spec);
  if (problems.length) throw new XinzhiError(problems);
  const h = buildHierarchy(spec);
  const k = h.indicators.length;
  const D = d.double;
  const one = lit(d, 1);
  const zero = lit(d, 0);
  const J = [...Array(k).keys()];
  const normByTime = spec.normalize.panel === 'by-time';
  const method = spec.weights.method;
  const dataWeights = DATA_METHODS.includes(method);
  const weightsByTime = dataWeights && spec.weights.panel === 'by-time';
  // Stages: b (raw), s (stats), z (normalised), w (weights). The small ones
  // (s, w: one row, or one per time) are common table expressions, computed
  // once, where the dialect has WITH; the row-level ones (b, z) are always
  // subqueries, so the engine streams them instead of holding the panel.
  const stages = new Map<string, string>();
  const small = (name: string) => d.ctes && (name === 's' || name === 'w');
  const src = (name: string): string => (small(name) ? name : `(${stages.get(name)}) ${name}`);
  const joinStage = (byTime: boolean, name: string): string => {
    const from = small(name) ? name : `(${stages.get(name)}${d.fence}) ${name}`;
    return byTime ? `${d.joinOnTime} ${from} USING (t__)` : `CROSS JOIN ${from}`;
  };
  const withClause = (): string =>
    d.ctes
      ? `WITH ${['s', 'w']
          .filter((n) => stages.has(n))
          .map((n) => `${n} AS (${stages.get(n)}${d.fence})`)
          .join(', ')} `
      : '';

  // base: unit, time and the raw indicator values
  const col = (c: string) => `CAST(${d.quote(c)} AS ${D})`;
  const raw = spec.indicators.map((ind) => {
    let e = col(ind.column);
    if (ind.denominator) e = `${e} / ${col(ind.denominator)}`;
    if (ind.scale !== undefined && ind.scale !== 1) e = `(${e}) * ${lit(d, ind.scale)}`;
    if (spec.normalize.logPlusOne) e = `LN(${one} + ${e})`;
    else if (spec.normalize.log) e = `LN(${e})`;
    return e;
  });
  const time = spec.time ? d.quote(spec.time) : '0';
  const table = quoteTable(d, opts.table);
  // long data: the records pivoted to one column per indicator name, by unit and time
  const names = [...new Set(spec.indicators.flatMap((i) => [i.column, ...(i.denominator ? [i.denominator] : [])]))];
  const keys = spec.time ? `${d.quote(spec.unit)}, ${time}` : d.quote(spec.unit);
  const pivotColumns = spec.long
    ? names.map(
        (n) =>
          `MAX(CASE WHEN ${d.quote(spec.long!.indicator)} = ${str(d, n)} THEN CAST(${d.quote(spec.long!.value)} AS ${D}) END) AS ${d.quote(n)}`,
      )
    : [];
  const long = spec.long
    ? {
        ind: d.quote(spec.long.indicator),
        columns: pivotColumns,
        pivot: `SELECT ${keys}, ${pivotColumns.join(', ')} FROM ${table} GROUP BY ${keys}`,
      }
    : undefined;
  const base =
    `SELECT ${d.quote(spec.unit)} AS u__, ${time} AS t__, ` +
    `${raw.map((e, j) => `${e} AS r_${j}`).join(', ')} FROM ${long ? `(${long.pivot}) p__` : table}`;
  stages.set('b', base);

  // stats of the raw values
  const nm = spec.normalize.method;
  const stats = J.flatMap((j) => {
    const r = `r_${j}`;
    const s = [`MIN(${r}) AS mn_${j}`, `MAX(${r}) AS mx_${j}`, `AVG(${r}) AS av_${j}`];
    if (nm === 'zscore') s.push(`${sdSamp(d, r)} AS sd_${j}`);
    if (nm === 'vector') s.push(`SQRT(SUM(${r} * ${r})) AS nr_${j}`);
    return s;
  });
  stages.set(
    's',
    `SELECT ${normByTime ? 't__, ' : ''}${stats.join(', ')} FROM ${src('b')}${normByTime ? ' GROUP BY t__' : ''}`,
  );

  // normalised values z_j; a_j is the same normalisation of the raw mean
  const shift = nm === 'minmax' && spec.normalize.shift !== 0 ? ` + ${lit(d, spec.normalize.shift)}` : '';
  const normalise = (x: string, j: number): string => {
    const neg = spec.indicators[j].direction === '-';
    const [mn, mx, av] = [`mn_${j}`, `mx_${j}`, `av_${j}`];
    switch (nm) {
      case 'minmax':
        return `CASE WHEN ${mx} = ${mn} THEN ${one} ELSE ${neg ? `(${mx} - ${x})` : `(${x} - ${mn})`} / (${mx} - ${mn})${shift} END`;
      case 'zscore':
        return `CASE WHEN ${mx} = ${mn} THEN ${zero} ELSE ${neg ? `(${av} - ${x})` : `(${x} - ${av})`} / sd_${j} END`;
      case 'vector':
        return `CASE WHEN nr_${j} = ${zero} THEN ${neg ? one : zero} ELSE ${neg ? `${one} - ${x} / nr_${j}` : `${x} / nr_${j}`} END`;
      case 'mean-ratio':
        return `CASE WHEN ${mx} = ${mn} THEN ${one} WHEN ${av} <= ${zero}${neg ? ` OR ${x} <= ${zero}` : ''} THEN NULL ELSE ${neg ? `${av} / ${x}` : `${x} / ${av}`} END`;
      default:
        return x;
    }
  };
  const normalized =
    `SELECT u__, t__, ${J.map((j) => `${normalise(`r_${j}`, j)} AS z_${j}`).join(', ')}` +
    (method === 'critic' || method === 'cv'
      ? `, ${J.map((j) => `${normalise(`r_${j}`, j)} - (${normalise(`av_${j}`, j)}) AS c_${j}`).join(', ')}`
      : '') +
    `, ${J.map((j) => `r_${j}`).join(', ')} FROM ${src('b')} ${joinStage(normByTime, 's')}`;
  stages.set('z', normalized);

  // global indicator weights w_j and missing-value counts
  const weightsBody = dataWeights
    ? dataWeightsQuery(d, method, k, src('z'), weightsByTime)
    : `SELECT ${constantGlobal(h, spec)
        .map((w, j) => `${lit(d, w)} AS w_${j}`)
        .join(
          ', ',
        )}, ${J.map((j) => `CAST(COUNT(*) - COUNT(r_${j}) AS ${D}) AS missing_${j}`).join(', ')} FROM ${src('b')}`;
  stages.set('w', weightsBody);
  const weightsQuery = d.ctes ? `${withClause()}SELECT * FROM w` : weightsBody;

  // local weights of every node's children: expressions over w_j, or constants
  const local = localWeightExprs(d, h, spec, dataWeights);
  // node scores, bottom-up, inlined
  const expr = new Map<string, string>();
  h.indicators.forEach((id, j) => expr.set(id, `z_${j}`));
  const geometric = spec.aggregate.method === 'geometric';
  for (const node of h.bottomUp) {
    const kids = h.byId.get(node)!.children;
    const w = local.get(node)!;
    const terms = kids.map((c, i) =>
      geometric
        ? `CASE WHEN ${w[i]} = ${zero} THEN ${zero} ELSE ${w[i]} * LN(${expr.get(c)}) END`
        : `${w[i]} * ${expr.get(c)}`,
    );
    const sum = `(${terms.join(' + ')})`;
    expr.set(node, geometric ? `EXP${sum}` : sum);
  }
  const nodes = h.bottomUp.filter((id) => id !== INDEX_ID);
  const scale = spec.score.scale !== 1 ? ` * ${lit(d, spec.score.scale)}` : '';
  const nodeCols = nodes.map((_, i) => `n_${i}`);
  const withWeights = `SELECT * FROM ${src('z')} ${joinStage(weightsByTime, 'w')}`;
  const scored =
    `SELECT u__, t__, ${nodes.map((id, i) => `${expr.get(id)}${scale} AS n_${i}`).join(', ')}` +
    `${nodes.length ? ', ' : ''}${expr.get(INDEX_ID)}${scale} AS score FROM (${withWeights}) zw`;
  const scoresQuery = `${withClause()}${d.rank(scored, nodeCols, spec.score.ties)} ORDER BY t__, u__`;

  const checks = long
    ? {
        names,
        namesQuery: `SELECT DISTINCT ${long.ind} AS i__ FROM ${table}`,
        countsQuery:
          `SELECT ${names.map((_, q) => `MAX(k_${q}) AS m_${q}`).join(', ')} FROM (SELECT ` +
          names.map((n, q) => `SUM(CASE WHEN ${long.ind} = ${str(d, n)} THEN 1 ELSE 0 END) AS k_${q}`).join(', ') +
          ` FROM ${table} GROUP BY ${keys}) c__`,
        duplicatesQuery:
          `SELECT ${d.quote(spec.unit)} AS u__, ${time} AS t__, ${long.ind} AS i__, COUNT(*) AS n__ FROM ${table}` +
          ` WHERE ${long.ind} IN (${names.map((n) => str(d, n)).join(', ')})` +
          ` GROUP BY ${keys}, ${long.ind} HAVING COUNT(*) > 1 ORDER BY u__, t__, i__ LIMIT 20`,
      }
    : undefined;
  const pivoted =
    long && checks && TEMP_SCHEMA[d.name] !== undefined ? pivotedBuild(d, spec, table, keys, long, names) : undefined;
  const header = [
    `-- xinzhi index build compiled to SQL (dialect ${d.name}: ${d.engines})`,
    `-- 由 xinzhi 编译的指数测度 SQL（方言 ${d.name}）`,
    `-- normalize ${nm} (${spec.normalize.panel}), weights ${method} (${spec.weights.panel}, ${spec.weights.scope}), aggregate ${spec.aggregate.method}`,
    ...(checks
      ? [
          `-- 0. checks of the long data / 长格式数据检查: the indicator names (all of the spec present); the most records of each name in one (unit, time) (m_j = ${checks.names.map((n, q) => `m_${q}: ${n}`).join(', ')}; none may exceed 1), and the records that appear twice`,
        ]
      : []),
    `-- 1. weights / 权重: w_j = global weight of indicator j (${h.indicators.map((id, j) => `w_${j} = ${id}`).join(', ')})`,
    `-- 2. scores / 得分: score = index, ${nodes.map((id, i) => `n_${i} = ${id}`).join(', ') || 'no dimensions'}, rk = rank within t__`,
  ].join('\n');
  const checkLines = checks
    ? `${checks.namesQuery};\n\n${checks.countsQuery};\n\n-- when an m_ above exceeds 1 / 若上面某个 m_ 大于 1:\n${checks.duplicatesQuery};\n\n`
    : '';
  const script = `${header}\n\n${checkLines}${weightsQuery};\n\n${scoresQuery};\n`;
  return {
    dialect: d.name,
    spec,
    indicators: h.indicators,
    nodes,
    weightsByTime,
    weightsQuery,
    scoresQuery,
    script,
    sampleQuery: `SELECT * FROM ${table} LIMIT 1`,
    ...(checks ? { long: { ...checks, ...(pivoted ? { pivoted } : {}) } } : {}),
  };
}

/**
 * A long-data plan's build through PIVOT_TABLE (SqlPlan `long.pivoted`): the
 * records pivoted once, with each (unit, time)'s record count (in a column
 * named so as not to meet a name of the table), and the spec's wide build
 * compiled on it.
 */
function pivotedBuild(
  d: Dialect,
  spec: FilledSpec,
  table: string,
  keys: string,
  long: { columns: string[] },
  names: string[],
): NonNullable<NonNullable<SqlPlan['long']>['pivoted']> {
  let name = 'xinzhi_records';
  while ([...names, spec.unit, spec.time].includes(name)) name += '_';
  const records = d.quote(name);
  const present = names.map((n) => `CASE WHEN ${d.quote(n)} IS NULL THEN 0 ELSE 1 END`).join(' + ');
  const { long: _long, ...wide } = spec;
  const qualified = `${TEMP_SCHEMA[d.name]}.${PIVOT_TABLE}`;
  const pivot = quoteTable(d, qualified);
  const build = compileIndexSql(wide, d.name, { table: qualified });
  return {
    create: `CREATE TEMP TABLE ${d.quote(PIVOT_TABLE)} AS SELECT ${keys}, ${long.columns.join(', ')}, COUNT(*) AS ${records} FROM ${table} GROUP BY ${keys}`,
    countsQuery: `SELECT MAX(${records} - (${present})) AS e__, ${names.map((n, q) => `COUNT(${d.quote(n)}) AS s_${q}`).join(', ')} FROM ${pivot}`,
    weightsQuery: build.weightsQuery,
    scoresQuery: build.scoresQuery,
    drop: `DROP TABLE IF EXISTS ${pivot}`,
  };
}

/** The weights query of a data-driven method over the normalised rows. */
function dataWeightsQuery(d: Dialect, method: Method, k: number, zFrom: string, byTime: boolean): string {
  const D = d.double;
  const J = [...Array(k).keys()];
  const one = lit(d, 1);
  const zero = lit(d, 0);
  const n = `CAST(COUNT(*) AS ${D})`;
  const sums: string[] = [`${n} AS n`];
  for (const j of J) {
    sums.push(`MIN(z_${j}) AS lo_${j}`, `MAX(z_${j}) AS hi_${j}`, `${n} - CAST(COUNT(r_${j}) AS ${D}) AS missing_${j}`);
    if (method === 'entropy')
      sums.push(
        `SUM(z_${j}) AS s_${j}`,
        `SUM(CASE WHEN z_${j} > ${zero} THEN z_${j} * LN(z_${j}) ELSE ${zero} END) AS l_${j}`,
      );
    else sums.push(`SUM(z_${j}) AS s_${j}`, `SUM(c_${j}) AS sc_${j}`);
  }
  if (method === 'critic' || method === 'cv')
    for (const j of J)
      for (const l of J)
        if (l >= j && (method === 'critic' || l === j)) sums.push(`SUM(c_${j} * c_${l}) AS p_${j}_${l}`);
  const group = byTime ? ' GROUP BY t__' : '';
  const sumsQuery = `SELECT ${byTime ? 't__, ' : ''}${sums.join(', ')} FROM ${zFrom}${group}`;
  const constant = (j: number) => `(hi_${j} = lo_${j} OR n < ${lit(d, 2)})`;
  // Q_jk: centred cross-product
  const q = (j: number, l: number) => `(p_${Math.min(j, l)}_${Math.max(j, l)} - sc_${j} * sc_${l} / n)`;
  let score: string[];
  if (method === 'entropy') {
    score = J.map(
      (j) =>
        `CASE WHEN lo_${j} < ${zero} THEN NULL WHEN ${constant(j)} THEN ${zero} ELSE ${one} + (l_${j} / s_${j} - LN(s_${j})) / LN(n) END`,
    );
  } else if (method === 'cv') {
    score = J.map(
      (j) =>
        `CASE WHEN s_${j} <= ${zero} THEN NULL WHEN ${constant(j)} THEN ${zero} ELSE SQRT(${q(j, j)} / (n - ${one})) / (s_${j} / n) END`,
    );
  } else {
    const sd = (j: number) => `SQRT(${q(j, j)} / (n - ${one}))`;
    score = J.map((j) => {
      const conflict = J.filter((l) => l !== j).map(
        (l) => `CASE WHEN ${constant(l)} THEN ${zero} ELSE ${one} - ${q(j, l)} / SQRT(${q(j, j)} * ${q(l, l)}) END`,
      );
      return `CASE WHEN ${constant(j)} THEN ${zero} ELSE ${sd(j)} * (${conflict.join(' + ') || zero}) END`;
    });
  }
  const inner = `SELECT ${byTime ? 't__, ' : ''}${J.map((j) => `${score[j]} AS d_${j}`).join(', ')}, ${J.map((j) => `missing_${j}`).join(', ')} FROM (${sumsQuery}) sums`;
  const total = `(${J.map((j) => `d_${j}`).join(' + ')})`;
  const weights = J.map(
    (j) =>
      `CASE WHEN missing_${j} > ${zero} THEN NULL WHEN ${total} > ${zero} THEN d_${j} / ${total} ELSE ${one} / ${lit(d, k)} END AS w_${j}`,
  );
  return `SELECT ${byTime ? 't__, ' : ''}${weights.join(', ')}, ${J.map((j) => `missing_${j}`).join(', ')} FROM (${inner}) d`;
}

/** Global indicator weights of a constant method (equal, given), as `evaluate` derives them. */
function constantGlobal(h: Hierarchy, spec: FilledSpec): number[] {
  const local = constantLocal(h, spec);
  const g = new Array<number>(h.indicators.length).fill(0);
  const walk = (id: string, w: number): void => {
    const node = h.byId.get(id)!;
    if (node.kind === 'indicator') {
      g[node.leaves[0]] = w;
      return;
    }
    node.children.forEach((c, i) => walk(c, w * local.get(id)![i]));
  };
  walk(INDEX_ID, 1);
  return g;
}

/** Local weights of a constant method: equal (1/k of leaves or 1/children) or given (relative within the parent). */
function constantLocal(h: Hierarchy, spec: FilledSpec): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const id of h.topDown) {
    const node = h.byId.get(id)!;
    const kids = node.children.map((c) => h.byId.get(c)!);
    if (kids.length === 1) {
      out.set(id, [1]);
      continue;
    }
    let w: number[];
    if (spec.weights.method === 'given')
      w = kids.map(
        (c) =>
          (c.kind === 'indicator'
            ? spec.indicators.find((i) => i.id === c.id)!.weight
            : spec.nodes.find((n) => n.id === c.id)!.weight) ?? 0,
      );
    else if (spec.weights.scope === 'children') w = kids.map(() => 1);
    else w = kids.map((c) => c.leaves.length);
    const s = w.reduce((a, b) => a + b, 0);
    out.set(
      id,
      w.map((v) => v / s),
    );
  }
  return out;
}

/** Local weight expressions per node (children order): over w_j for data-driven weights, literals otherwise. */
function localWeightExprs(d: Dialect, h: Hierarchy, spec: FilledSpec, fromData: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!fromData) {
    for (const [id, w] of constantLocal(h, spec))
      out.set(
        id,
        w.map((v) => lit(d, v)),
      );
    return out;
  }
  for (const id of h.topDown) {
    const kids = h.byId.get(id)!.children.map((c) => h.byId.get(c)!);
    if (kids.length === 1) {
      out.set(id, [lit(d, 1)]);
      continue;
    }
    // as localFromGlobal: a child's global weight over the sum of its siblings' (1/m when that is 0)
    const sums = kids.map((c) => `(${c.leaves.map((j) => `w_${j}`).join(' + ')})`);
    const total = `(${sums.join(' + ')})`;
    out.set(
      id,
      sums.map((s) => `(CASE WHEN ${total} > ${lit(d, 0)} THEN ${s} / ${total} ELSE ${lit(d, 1 / kids.length)} END)`),
    );
  }
  return out;
}
