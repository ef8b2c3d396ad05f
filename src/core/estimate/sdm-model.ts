/**
 * The spatial fields of a model file (`"type": "sdm" | "sar" | "sem"`), checked
 * and filled:
 *   {"type": "sdm", "y": "nqpf", "x": ["digital"], "unit": "province", "time": "year",
 *    "fe": ["unit", "time"], "weights": "queen", "info": "observed",
 *    "correction": "none", "draws": 1000, "seed": 1}
 * `weights` uses the grammar of `analyze --weights` (core/analysis/weights-spec.ts),
 * including `file:PATH`; `geo` / `geoKey` name a boundary file and its key property.
 *
 * @example spatialSpec({ type: 'sdm', weights: 'queen', fe: ['unit'] }, '')
 */
import { z } from 'zod';
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { parseWeightsSpec } from '../analysis/weights-spec.ts';
import { BIAS_CORRECTIONS, type BiasCorrection, INFO_FORMS, type InfoForm } from './sdm.ts';
import type { SpatialFe } from './spatial-panel.ts';

/** Zod fields of the spatial models, spread into the model schema. */
export const spatialFields = {
  /** Spatial weights, the `analyze --weights` grammar (queen, rook, idw, economic:COL, file:PATH, ...). */
  weights: z.string().min(1).optional(),
  /** Boundary GeoJSON for queen / rook / idw weights and the property holding the unit names. */
  geo: z.string().min(1).optional(),
  geoKey: z.string().min(1).optional(),
  /** Information matrix of the standard errors. */
  info: z.enum(INFO_FORMS).optional(),
  /** Lee–Yu bias correction (unit or two-way FE). */
  correction: z.enum(BIAS_CORRECTIONS).optional(),
  /** Simulation draws of the impacts' standard errors. */
  draws: z.number().int().min(0).max(100_000).optional(),
};

/** The spatial part of a filled model. */
export interface SpatialSpec {
  weights: string;
  geo?: string;
  geoKey?: string;
  fe: SpatialFe;
  info: InfoForm;
  correction: BiasCorrection;
  draws: number;
  seed: number;
}

interface SpatialInput {
  type: string;
  weights?: string;
  geo?: string;
  geoKey?: string;
  fe?: string[];
  cluster?: unknown;
  se?: string;
  info?: InfoForm;
  correction?: BiasCorrection;
  draws?: number;
  seed?: number;
}

/** Check and fill the spatial fields: weights required and parsable, fe unit / time / both, no cluster. */
export function spatialSpec(m: SpatialInput, at: string, file?: string): SpatialSpec {
  const where = (field: string) => ({
    code: 'estimate-model',
    severity: 'error' as const,
    ...(file ? { file } : {}),
    column: [at, field].filter(Boolean).join('.'),
  });
  if (!m.weights)
    throw new XinzhiError({
      ...where('weights'),
      message: bi(`${m.type} 模型需要空间权重 weights`, `an ${m.type} model needs spatial "weights"`),
      fix: bi(
        '写成 "weights": "queen"（或 rook、idw、economic:列、file:边列表.csv）',
        'write "weights": "queen" (or rook, idw, economic:COL, file:edges.csv)',
      ),
    });
  parseWeightsSpec(m.weights);
  const fe = m.fe ?? ['unit', 'time'];
  const unit = fe.includes('unit');
  const time = fe.includes('time');
  if (!fe.length || fe.some((f) => f !== 'unit' && f !== 'time'))
    throw new XinzhiError({
      ...where('fe'),
      message: bi(
        `空间面板模型的 fe 只能是 ["unit"]、["time"] 或 ["unit", "time"]，而不是 ${JSON.stringify(fe)}`,
        `the fe of a spatial panel model is ["unit"], ["time"] or ["unit", "time"], not ${JSON.stringify(fe)}`,
      ),
      fix: bi('写成 ["unit", "time"]（双向固定效应）', 'write ["unit", "time"] (two-way fixed effects)'),
    });
  if (m.cluster !== undefined && m.cluster !== null)
    throw new XinzhiError({
      ...where('cluster'),
      message: bi(
        '空间面板模型的标准误来自极大似然的信息矩阵，不做聚类',
        'spatial panel models take their standard errors from the ML information matrix, not from clusters',
      ),
      fix: bi(
        '删去 cluster，用 "info": "observed" 或 "expected"',
        'drop "cluster"; choose "info": "observed" or "expected"',
      ),
    });
  return {
    weights: m.weights,
    ...(m.geo ? { geo: m.geo } : {}),
    ...(m.geoKey ? { geoKey: m.geoKey } : {}),
    fe: unit && time ? 'both' : unit ? 'unit' : 'time',
    info: m.info ?? 'observed',
    correction: m.correction ?? 'none',
    draws: m.draws ?? 1000,
    seed: m.seed ?? 1,
  };
}
