/**
 * SQL dialects an index build compiles to. Each names how it quotes an
 * identifier, spells the double-precision type, joins a one-row or per-time
 * table, and ranks scores within a time. Everything else the compiler writes
 * (CAST, CASE, LN, EXP, SQRT, SUM, MIN, MAX, COUNT, subqueries in FROM) is
 * common to all of them.
 *
 * Casts are explicit: every literal is written CAST(<decimal> AS <double>),
 * because some engines (PostgreSQL, Trino, Doris) read a bare decimal as
 * DECIMAL/NUMERIC and compute in fixed point or overflow.
 *
 * Example: `DIALECTS.postgres.double` is "DOUBLE PRECISION".
 */

export const DIALECT_NAMES = ['duckdb', 'postgres', 'clickhouse', 'spark', 'trino', 'doris'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

export interface Dialect {
  name: DialectName;
  /** Engines this dialect is meant for (documentation). */
  engines: string;
  /** Whether the generated SQL runs in this project's tests on a live engine. */
  testedLive: boolean;
  double: string;
  quote(id: string): string;
  /**
   * Appended to a one-row subquery to keep the planner from inlining its
   * formulas into every row (PostgreSQL pulls such subqueries up and then
   * evaluates the weight formulas once per row: OFFSET 0 stops that).
   */
  fence: string;
  /** Whether it has WITH (common table expressions); without, the stages nest as subqueries. */
  ctes: boolean;
  /** Join of a per-time table on the time key `t__`. */
  joinOnTime: string;
  /**
   * Rank `score` within each `t__`, descending (1 = best), ties "min"
   * (1, 2, 2, 4) or "average" (1, 2.5, 2.5, 4); `from` is a subquery with
   * columns u__, t__, score and `cols` the other columns to carry.
   */
  rank(from: string, cols: string[], ties: 'min' | 'average'): string;
}

const doubleQuote = (id: string): string => `"${id.replaceAll('"', '""')}"`;
const backtick = (id: string): string => `\`${id.replaceAll('`', '``')}\``;

/** Standard window-function ranking (SQL:2003), used by every dialect but ClickHouse's. */
function windowRank(from: string, cols: string[], ties: 'min' | 'average', double: string): string {
  const r = 'RANK() OVER (PARTITION BY t__ ORDER BY score DESC)';
  const rank =
    ties === 'min'
      ? `CAST(${r} AS ${double})`
      : `CAST(${r} AS ${double}) + (CAST(COUNT(*) OVER (PARTITION BY t__, score) AS ${double}) - CAST(1 AS ${double})) / CAST(2 AS ${double})`;
  return `SELECT u__, t__, ${[...cols, 'score'].join(', ')}, ${rank} AS rk FROM (${from}) ranked__`;
}

/**
 * ClickHouse ranking without window functions (which older ClickHouse
 * servers lack): per time, the scores sorted descending, and for the i-th
 * its position f among equal scores counted from the front and b counted
 * from the back (arrayEnumerateUniq). Its tie group has f + b − 1 members,
 * so rank "min" = i − f + 1 and rank "average" = i − f + 1 + (f + b − 2)/2.
 */
function clickhouseRank(from: string, cols: string[], ties: 'min' | 'average'): string {
  const carried = ['u__', ...cols];
  const sorted = carried.map((c) => `arrayReverseSort((v, s) -> s, groupArray(${c}), groupArray(score)) AS a_${c}`);
  const front = 'arrayEnumerateUniq(a_score)';
  const back = 'arrayReverse(arrayEnumerateUniq(arrayReverse(a_score)))';
  const rank =
    ties === 'min'
      ? `arrayMap((i, f) -> toFloat64(i - f + 1), arrayEnumerate(a_score), ${front})`
      : `arrayMap((i, f, b) -> toFloat64(i - f + 1) + toFloat64(f + b - 2) / 2, arrayEnumerate(a_score), ${front}, ${back})`;
  return (
    `SELECT u__, t__, ${[...cols, 'score'].join(', ')}, rk FROM (SELECT t__, ${sorted.join(', ')}, ` +
    `arrayReverseSort(groupArray(score)) AS a_score, ${rank} AS a_rk FROM (${from}) GROUP BY t__) ` +
    `ARRAY JOIN ${carried.map((c) => `a_${c} AS ${c}`).join(', ')}, a_score AS score, a_rk AS rk`
  );
}

/** A dialect with standard SQL (WITH, window functions, INNER JOIN … USING). */
function standard(
  name: DialectName,
  engines: string,
  o: { testedLive: boolean; double: string; quote: (id: string) => string; fence?: string },
): Dialect {
  return {
    name,
    engines,
    testedLive: o.testedLive,
    double: o.double,
    quote: o.quote,
    fence: o.fence ?? '',
    ctes: true,
    joinOnTime: 'INNER JOIN',
    rank: (from, cols, ties) => windowRank(from, cols, ties, o.double),
  };
}

export const DIALECTS: Record<DialectName, Dialect> = {
  duckdb: standard('duckdb', 'DuckDB', { testedLive: true, double: 'DOUBLE', quote: doubleQuote }),
  postgres: standard('postgres', 'PostgreSQL (and Greenplum, openGauss)', {
    testedLive: true,
    double: 'DOUBLE PRECISION',
    quote: doubleQuote,
    fence: ' OFFSET 0',
  }),
  clickhouse: {
    name: 'clickhouse',
    engines: 'ClickHouse (from 18.16; local or Distributed tables)',
    testedLive: true,
    double: 'Float64',
    quote: doubleQuote,
    fence: '',
    ctes: false,
    joinOnTime: 'ALL INNER JOIN',
    rank: clickhouseRank,
  },
  spark: standard('spark', 'Spark SQL (and Hive)', { testedLive: false, double: 'DOUBLE', quote: backtick }),
  trino: standard('trino', 'Trino (and Presto)', { testedLive: false, double: 'DOUBLE', quote: doubleQuote }),
  doris: standard('doris', 'Apache Doris and StarRocks (MySQL protocol)', {
    testedLive: false,
    double: 'DOUBLE',
    quote: backtick,
  }),
};
