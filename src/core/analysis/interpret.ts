/**
 * Interpretation sentences: one or two plain sentences per analysis, in
 * Chinese and English, generated from the numbers by stated rules (never by a
 * language model; the same numbers always give the same words):
 *
 * - a change between the first and the last time counts as a rise or a fall
 *   when it exceeds CHANGE_RULE (5 %) of the first value, else "about
 *   unchanged";
 * - a test is significant when its p-value is below ALPHA (0.05); the
 *   sentence says whether p is one-sided or two-sided, as the test computed it;
 * - a statistic that is missing (a degenerate input) gives no verdict, and the
 *   sentence says so instead.
 *
 * The CLI, the report sections and the web panels show these sentences under
 * their results. Rules are documented in docs/interpretation.md.
 *
 * @example interpretRun(run).map((s) => s.en)
 */
import { bi, type Bilingual } from '../i18n.ts';
import type { Time } from '../panel/types.ts';
import type { AnalysisRun } from './runner.ts';

export const CHANGE_RULE = 0.05;
export const ALPHA = 0.05;

const f = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—');
const tt = (t: Time | null | undefined) => (t === null || t === undefined ? '' : String(t));

/** Rise / fall / about unchanged between a first and a last value (CHANGE_RULE), with the numbers. */
export function describeChange(first: number, last: number): Bilingual {
  if (!Number.isFinite(first) || !Number.isFinite(last))
    return bi('无法比较（缺少数值）', 'cannot be compared (a value is missing)');
  const rel =
    first !== 0 ? (last - first) / Math.abs(first) : last === 0 ? 0 : Math.sign(last) * Number.POSITIVE_INFINITY;
  if (Math.abs(rel) <= CHANGE_RULE)
    return bi(`基本不变（${f(first)} → ${f(last)}）`, `about unchanged (${f(first)} → ${f(last)})`);
  const r = Number.isFinite(rel) ? ` (${rel > 0 ? '+' : ''}${pct(rel)})` : '';
  return rel > 0
    ? bi(
        `上升（${f(first)} → ${f(last)}${r ? `，${r.slice(2, -1)}` : ''}）`,
        `rose (${f(first)} → ${f(last)}${r ? `, ${r.slice(2, -1)}` : ''})`,
      )
    : bi(
        `下降（${f(first)} → ${f(last)}${r ? `，${r.slice(2, -1)}` : ''}）`,
        `fell (${f(first)} → ${f(last)}${r ? `, ${r.slice(2, -1)}` : ''})`,
      );
}

function significance(p: number, sided: 'one' | 'two'): Bilingual {
  const side = sided === 'one' ? bi('单侧', 'one-sided') : bi('双侧', 'two-sided');
  if (!Number.isFinite(p)) return bi('无检验结果', 'no test result');
  return p < ALPHA
    ? bi(`在 5% 水平显著（${side.zh} p = ${f(p, 4)}）`, `significant at 5% (${side.en} p = ${f(p, 4)})`)
    : bi(`在 5% 水平不显著（${side.zh} p = ${f(p, 4)}）`, `not significant at 5% (${side.en} p = ${f(p, 4)})`);
}

const join = (parts: Bilingual[]): Bilingual => ({
  zh: parts.map((p) => p.zh).join(''),
  en: parts.map((p) => p.en).join(' '),
});

/** The interpretation of one analysis run (the runner's result object). */
export function interpretRun(run: AnalysisRun): Bilingual[] {
  switch (run.analysis) {
    case 'gini': {
      const rows = run.rows;
      if (!rows.length) return [];
      const first = rows[0];
      const last = rows[rows.length - 1];
      const s = last.shares;
      const parts: Array<[number, Bilingual]> = [
        [s.within, bi('组内差异', 'within-group differences')],
        [s.between, bi('组间差异', 'between-group differences')],
        [s.transvariation, bi('超变密度', 'transvariation')],
      ];
      const main = parts.filter(([v]) => Number.isFinite(v)).sort((a, b) => b[0] - a[0])[0];
      const out = [
        rows.length > 1
          ? bi(
              `总体基尼系数${describeChange(first.total, last.total).zh}。`,
              `The overall Gini coefficient ${describeChange(first.total, last.total).en}.`,
            )
          : bi(`总体基尼系数为 ${f(last.total)}。`, `The overall Gini coefficient is ${f(last.total)}.`),
      ];
      if (main)
        out.push(
          bi(
            `${tt(last.time)} 年差异的最大来源是${main[1].zh}（贡献率 ${pct(main[0])}）。`,
            `In ${tt(last.time)} the largest source is ${main[1].en} (${pct(main[0])} of the total).`,
          ),
        );
      else
        out.push(
          bi('各单位得分相同，没有差异可分解。', 'All units score the same: there is no inequality to decompose.'),
        );
      return out;
    }
    case 'theil': {
      const last = run.rows[run.rows.length - 1];
      const d = last?.T ?? last?.L;
      if (!d) return [];
      if (!Number.isFinite(d.shares.within))
        return [
          bi(
            '各单位得分相同，泰尔指数为 0，没有差异可分解。',
            'All units score the same: Theil is 0 and there is nothing to decompose.',
          ),
        ];
      const main = d.shares.within >= d.shares.between ? bi('组内', 'within groups') : bi('组间', 'between groups');
      return [
        bi(
          `${tt(last.time)} 年泰尔 ${d.measure} = ${f(d.total, 4)}，差异主要来自${main.zh}（组内 ${pct(d.shares.within)}，组间 ${pct(d.shares.between)}）。`,
          `In ${tt(last.time)} Theil ${d.measure} = ${f(d.total, 4)}; the differences lie mainly ${main.en} (within ${pct(d.shares.within)}, between ${pct(d.shares.between)}).`,
        ),
      ];
    }
    case 'moran': {
      const rows = run.rows;
      if (!rows.length) return [];
      const sided = rows[0].alternative === 'two.sided' ? 'two' : 'one';
      const sig = rows.filter((r) => Number.isFinite(r.p) && r.p < ALPHA && r.I > r.expected).length;
      const last = rows[rows.length - 1];
      const out = [
        bi(
          `全局 Moran's I 在 ${rows.length} 期中有 ${sig} 期显著为正（5% 水平，${sided === 'one' ? '单侧' : '双侧'}检验），即得分相近的单位在空间上${sig > rows.length / 2 ? '多数年份' : '少数年份'}集聚。`,
          `Global Moran's I is significantly positive in ${sig} of ${rows.length} periods (5%, ${sided}-sided test): similar scores cluster in space in ${sig > rows.length / 2 ? 'most' : 'few'} periods.`,
        ),
      ];
      out.push(
        Number.isFinite(last.z)
          ? bi(
              `${tt(last.time)} 年 I = ${f(last.I, 4)}，z = ${f(last.z, 2)}，${significance(last.p, sided).zh}。`,
              `In ${tt(last.time)} I = ${f(last.I, 4)}, z = ${f(last.z, 2)}, ${significance(last.p, sided).en}.`,
            )
          : bi(
              `${tt(last.time)} 年 I = ${f(last.I, 4)}，但方差为 0 或无法计算，不作显著性判断。`,
              `In ${tt(last.time)} I = ${f(last.I, 4)}, but its variance is 0 or cannot be computed: no verdict on significance.`,
            ),
      );
      return out;
    }
    case 'lisa': {
      const last = run.rows[run.rows.length - 1];
      if (!last) return [];
      const count = (c: string) => last.result.cluster.filter((x) => x === c).length;
      return [
        bi(
          `${tt(last.time)} 年在 ${run.alpha} 水平显著的局部集聚：高—高 ${count('HH')} 个、低—低 ${count('LL')} 个、高—低 ${count('HL')} 个、低—高 ${count('LH')} 个，其余 ${count('ns')} 个单位不显著。`,
          `In ${tt(last.time)}, local clusters significant at ${run.alpha}: high–high ${count('HH')}, low–low ${count('LL')}, high–low ${count('HL')}, low–high ${count('LH')}; ${count('ns')} units are not significant.`,
        ),
      ];
    }
    case 'convergence': {
      const rows = run.sigma.rows;
      const out: Bilingual[] = [];
      if (rows.length > 1) {
        const a = rows[0].cv;
        const b = rows[rows.length - 1].cv;
        const ch = describeChange(a, b);
        const verdict =
          !Number.isFinite(a) || !Number.isFinite(b)
            ? bi('无法判断 σ 收敛', 'no verdict on σ-convergence')
            : b < a * (1 - CHANGE_RULE)
              ? bi('存在 σ 收敛', 'σ-convergence')
              : b > a * (1 + CHANGE_RULE)
                ? bi('呈 σ 发散', 'σ-divergence')
                : bi('差异基本稳定', 'stable dispersion');
        out.push(bi(`变异系数${ch.zh}：${verdict.zh}。`, `The coefficient of variation ${ch.en}: ${verdict.en}.`));
      }
      const beta = run.beta;
      if (beta) {
        const coef = beta.regression.coefficients.find((c) => c.name === 'ln_y');
        const se = coef?.se ?? Number.NaN;
        const p = coef?.p ?? Number.NaN;
        if (!Number.isFinite(se) || !Number.isFinite(p))
          out.push(
            bi(
              `β = ${f(beta.beta, 4)}，但标准误无法计算（如只有一个聚类），不作收敛判断。`,
              `β = ${f(beta.beta, 4)}, but its standard error cannot be computed (e.g. a single cluster): no verdict on convergence.`,
            ),
          );
        else if (p < ALPHA && beta.beta < 0)
          out.push(
            bi(
              `β = ${f(beta.beta, 4)}，显著为负（双侧 p = ${f(p, 4)}）：存在${beta.type === 'conditional' ? '条件' : '绝对'} β 收敛，收敛速度 ${f(beta.speed, 4)}，半衰期约 ${f(beta.halfLife, 1)} 年。`,
              `β = ${f(beta.beta, 4)} is significantly negative (two-sided p = ${f(p, 4)}): ${beta.type} β-convergence at speed ${f(beta.speed, 4)}, a half-life of about ${f(beta.halfLife, 1)} years.`,
            ),
          );
        else
          out.push(
            bi(
              `β = ${f(beta.beta, 4)}（双侧 p = ${f(p, 4)}）：在 5% 水平没有 β 收敛的证据。`,
              `β = ${f(beta.beta, 4)} (two-sided p = ${f(p, 4)}): no evidence of β-convergence at 5%.`,
            ),
          );
      } else if (run.betaSkipped)
        out.push(bi(`未估计 β 收敛：${run.betaSkipped.zh}`, `β-convergence not estimated: ${run.betaSkipped.en}`));
      return out;
    }
    case 'coupling': {
      const byTime = run.byTime;
      if (!byTime.length) return [];
      const last = byTime[byTime.length - 1];
      const top = Object.entries(last.classCounts).sort((a, b) => b[1] - a[1])[0];
      const out = [
        byTime.length > 1
          ? bi(
              `平均耦合协调度 D ${describeChange(byTime[0].meanD, last.meanD).zh}。`,
              `The mean coupling coordination D ${describeChange(byTime[0].meanD, last.meanD).en}.`,
            )
          : bi(`平均耦合协调度 D = ${f(last.meanD)}。`, `The mean coupling coordination D = ${f(last.meanD)}.`),
      ];
      if (top)
        out.push(
          bi(
            `${tt(last.time)} 年最多的协调等级是“${top[0]}”（${top[1]}/${last.n} 个单位）。`,
            `In ${tt(last.time)} the most common class is "${top[0]}" (${top[1]} of ${last.n} units).`,
          ),
        );
      return out;
    }
    case 'obstacle': {
      const m = run.mean[run.mean.length - 1];
      if (!m) return [];
      const top = Object.entries(m.indicators)
        .filter(([, v]) => Number.isFinite(v))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3);
      if (!top.length) return [];
      return [
        bi(
          `${tt(m.time)} 年平均障碍度最高的指标：${top.map(([k, v]) => `${k}（${pct(v)}）`).join('、')}。`,
          `In ${tt(m.time)} the indicators with the highest mean obstacle degree: ${top.map(([k, v]) => `${k} (${pct(v)})`).join(', ')}.`,
        ),
      ];
    }
    case 'markov': {
      const P = run.chain.probabilities;
      const k = run.chain.k;
      const diag = P.map((r, i) => r[i]).filter(Number.isFinite);
      const up = P.reduce((s, r, i) => s + r.slice(i + 1).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0), 0);
      const down = P.reduce((s, r, i) => s + r.slice(0, i).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0), 0);
      if (!diag.length) return [bi('没有可用的转移，不作判断。', 'No transitions to count: no verdict.')];
      const stay = diag.reduce((a, b) => a + b, 0) / diag.length;
      return [
        bi(
          `${k} 个等级在一期后保持原等级的平均概率为 ${pct(stay)}；向上转移概率之和 ${f(up)}，向下 ${f(down)}：${stay > 0.5 ? '等级较稳定，跨越式变化少' : '等级流动性较强'}。`,
          `Across ${k} classes a unit stays in its class after one period with mean probability ${pct(stay)}; upward moves sum to ${f(up)}, downward to ${f(down)}: ${stay > 0.5 ? 'classes are persistent and leaps are rare' : 'units move between classes often'}.`,
        ),
        ...sojournSentence(run.chain.sojourn),
      ];
    }
    case 'kde': {
      const s = run.result.summaries;
      if (!s.length) return [];
      const a = s[0];
      const b = s[s.length - 1];
      const peaks = (x: typeof a) => x.peaks.length;
      return [
        join([
          bi(
            `核密度曲线的中心（均值）${describeChange(a.mean, b.mean).zh}，离散程度（标准差）${describeChange(a.sd, b.sd).zh}；`,
            `The centre (mean) of the density ${describeChange(a.mean, b.mean).en}, its spread (SD) ${describeChange(a.sd, b.sd).en};`,
          ),
          bi(
            `波峰数由 ${peaks(a)} 个变为 ${peaks(b)} 个${peaks(b) > 1 ? '，存在多极分化迹象' : ''}。`,
            `the number of peaks went from ${peaks(a)} to ${peaks(b)}${peaks(b) > 1 ? ', a sign of polarisation' : ''}.`,
          ),
        ]),
      ];
    }
  }
}

/** The longest expected stay (1/(1 − p_ii)) among the classes, in periods; an absorbing class said as such. */
function sojournSentence(sojourn: number[] | undefined): Bilingual[] {
  if (!sojourn?.length) return [];
  const absorbing = sojourn.map((v, i) => (v === Number.POSITIVE_INFINITY ? i + 1 : 0)).filter((i) => i > 0);
  if (absorbing.length)
    return [
      bi(
        `第 ${absorbing.join('、')} 类一旦进入不再离开（吸收态）。`,
        `Class ${absorbing.join(', ')} is never left once reached (absorbing).`,
      ),
    ];
  let best = -1;
  sojourn.forEach((v, i) => {
    if (Number.isFinite(v) && (best < 0 || v > sojourn[best])) best = i;
  });
  if (best < 0) return [];
  return [
    bi(
      `停留最久的是第 ${best + 1} 类，平均连续停留 ${sojourn[best].toFixed(1)} 期。`,
      `Units stay longest in class ${best + 1}: ${sojourn[best].toFixed(1)} consecutive periods on average.`,
    ),
  ];
}
