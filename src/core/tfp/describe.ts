/** Bilingual name and source of a TFP model as used, for tables and reports. */
import { bi, type Bilingual } from '../i18n.ts';
import type { TfpModel } from './model.ts';

const NAMES: Record<TfpModel['type'], Bilingual> = {
  ccr: bi('CCR 模型', 'CCR model'),
  bcc: bi('BCC 模型', 'BCC model'),
  sbm: bi('SBM 模型', 'SBM model'),
  malmquist: bi('Malmquist 指数', 'Malmquist index'),
  ml: bi('Malmquist–Luenberger 指数', 'Malmquist–Luenberger index'),
  gml: bi('全局 Malmquist–Luenberger 指数', 'global Malmquist–Luenberger index'),
};

const SOURCES: Record<TfpModel['type'], string> = {
  ccr: 'Charnes, Cooper & Rhodes (1978); Cooper, Seiford & Tone (2007) §3; super-efficiency Andersen & Petersen (1993)',
  bcc: 'Banker, Charnes & Cooper (1984); Cooper, Seiford & Tone (2007) §4; super-efficiency Andersen & Petersen (1993)',
  sbm: 'Tone (2001); undesirable outputs Tone (2004); super-efficiency Tone (2002)',
  malmquist: 'Färe, Grosskopf, Norris & Zhang (1994)',
  ml: 'Chung, Färe & Grosskopf (1997)',
  gml: 'Oh (2010)',
};

/**
 * One-line description of the model as used: name, returns to scale, orientation, options.
 * @example describeModel(model).en // "SBM model, CRS, non-oriented, with undesirable outputs, super-efficiency"
 */
export function describeModel(model: TfpModel): Bilingual & { source: string } {
  const zh = [NAMES[model.type].zh, model.rts === 'crs' ? '规模报酬不变' : '规模报酬可变'];
  const en = [NAMES[model.type].en, model.rts.toUpperCase()];
  const add = (z: string, e: string) => {
    zh.push(z);
    en.push(e);
  };
  if (model.orientation === 'input') add('投入导向', 'input-oriented');
  else if (model.orientation === 'output') add('产出导向', 'output-oriented');
  else add('非导向', 'non-oriented');
  if (model.undesirable.length > 0) add('含非期望产出', 'with undesirable outputs');
  if (model.type === 'ml' || model.type === 'gml') add('方向向量 g = (y, −b)', 'direction g = (y, −b)');
  if (model.super) add('超效率', 'super-efficiency');
  if (model.frontier === 'sequential') add('序列前沿', 'sequential frontier');
  if (model.frontier === 'global') add('全局前沿', 'global frontier');
  return { zh: zh.join('，'), en: en.join(', '), source: SOURCES[model.type] };
}
