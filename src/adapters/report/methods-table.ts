/**
 * The method choices of a run as table rows: each step's chosen method with
 * its bilingual name, options, formula and source, taken from the methods
 * registry (core/measure/methods.ts) and the spec as used.
 */
import { bi, type Bilingual } from '../../core/i18n.ts';
import { METHODS, MISSING_METHODS, type MethodInfo } from '../../core/measure/methods.ts';
import type { Spec } from '../../core/measure/spec.ts';

export interface MethodChoice {
  step: Bilingual;
  /** Spec path of the choice, e.g. "weights.method". */
  path: string;
  method: Bilingual;
  /** Options as "key = value" text. */
  options: string;
  formula: string;
  source: string;
}

function opts(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

function choice(
  step: Bilingual,
  path: string,
  info: MethodInfo | undefined,
  fallback: string,
  options: string,
): MethodChoice {
  return {
    step,
    path,
    method: info?.name ?? bi(fallback, fallback),
    options,
    formula: info?.formula ?? '',
    source: info?.source ?? '',
  };
}

/** Every method choice of the spec, in pipeline order. */
export function methodChoices(spec: Spec): MethodChoice[] {
  const out: MethodChoice[] = [];
  if (spec.missing)
    out.push({
      step: bi('缺失值', 'Missing values'),
      path: 'missing',
      method: MISSING_METHODS[spec.missing.method],
      options: opts({ method: spec.missing.method, group: spec.missing.group, fallback: spec.missing.fallback }),
      formula: '',
      source: '',
    });
  if (spec.outliers && spec.outliers.method !== 'none') {
    out.push({
      step: bi('异常值', 'Outliers'),
      path: 'outliers',
      method: bi('COINr 式缩尾 / 对数', 'COINr-style winsorisation / log'),
      options: opts({
        skew: spec.outliers.skew,
        kurtosis: spec.outliers.kurtosis,
        maxWinsor: spec.outliers.maxWinsor,
        log: spec.outliers.log,
      }),
      formula: 'winsorise while |skew| > skew and kurtosis > kurtosis; else ln',
      source: 'COINr (Becker et al. 2022), qTreat',
    });
  }
  const n = spec.normalize;
  if (n.log || n.logPlusOne)
    out.push(
      choice(
        bi('对数变换', 'Log transform'),
        'normalize.log',
        METHODS.normalize.log,
        'log',
        opts({ logPlusOne: n.logPlusOne }),
      ),
    );
  out.push(
    choice(
      bi('标准化', 'Normalisation'),
      'normalize.method',
      METHODS.normalize[n.method],
      n.method,
      opts({ method: n.method, shift: n.shift, panel: n.panel }),
    ),
  );
  const w = spec.weights;
  out.push(
    choice(
      bi('赋权', 'Weighting'),
      'weights.method',
      METHODS.weights[w.method],
      w.method,
      opts({ method: w.method, panel: w.panel, scope: w.scope }),
    ),
  );
  if (w.method === 'combined' && w.combine) {
    for (const m of w.combine.methods)
      out.push(
        choice(bi('组合成分', 'Combined part'), 'weights.combine.methods', METHODS.weights[m], m, opts({ method: m })),
      );
    out.push(
      choice(
        bi('组合规则', 'Combination rule'),
        'weights.combine.rule',
        METHODS.combine[w.combine.rule],
        w.combine.rule,
        opts({ rule: w.combine.rule, alpha: w.combine.alpha }),
      ),
    );
  }
  out.push(
    choice(
      bi('加总', 'Aggregation'),
      'aggregate.method',
      METHODS.aggregate[spec.aggregate.method],
      spec.aggregate.method,
      opts({ method: spec.aggregate.method, p: spec.aggregate.p }),
    ),
  );
  const s = spec.score ?? {};
  for (const k of ['topsis', 'gra', 'vikor', 'promethee', 'copeland', 'rsr', 'fuzzy'] as const) {
    if (s[k])
      out.push(
        choice(
          bi('附加得分', 'Extra score'),
          `score.${k}`,
          METHODS.scores[k],
          k,
          typeof s[k] === 'object' ? opts(s[k] as Record<string, unknown>) : '',
        ),
      );
  }
  const ties = s.ties ?? 'min';
  out.push(choice(bi('排名', 'Ranking'), 'score.ties', METHODS.ranks[ties], ties, opts({ ties, scale: s.scale })));
  out.push(choice(bi('一致性', 'Coherence'), 'coherence', METHODS.coherence.pearson, 'pearson', ''));
  out.push(choice(bi('一致性', 'Coherence'), 'coherence', METHODS.coherence.cronbach, 'cronbach', ''));
  return out;
}
