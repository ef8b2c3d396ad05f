/**
 * A first guess of an indicator's direction from its name, for the user to
 * confirm: emissions, pollution, energy or water use per unit of output,
 * unemployment, poverty, accidents and the like are negative ("−": less is
 * better); anything else is left to the user (no guess). The guess never
 * decides silently: the caller shows it and the user can change it.
 *
 * @example directionHint('M6_carbon_intensity')?.direction // '-'
 */
import { bi, type Bilingual } from '../i18n.ts';

const NEGATIVE: Array<[RegExp, Bilingual]> = [
  [
    /carbon|co2|emission|so2|nox|pm2\.?5|pollut|waste|sewage|排放|碳|污染|废水|废气|烟尘|雾霾/i,
    bi('排放或污染', 'emissions or pollution'),
  ],
  [
    /energy[_\s-]*(per|intensity|consum)|(per|unit)[_\s-]*gdp[_\s-]*energy|能耗|单位.*能源|耗能/i,
    bi('单位产出能耗', 'energy use per unit of output'),
  ],
  [/water[_\s-]*(per|intensity|consum)|水耗|用水量/i, bi('单位产出水耗', 'water use per unit of output')],
  [/unemploy|失业/i, bi('失业', 'unemployment')],
  [/poverty|贫困/i, bi('贫困', 'poverty')],
  [/accident|fatalit|事故|死亡/i, bi('事故或死亡', 'accidents or deaths')],
  [/gini|inequal|disparit|差距|基尼/i, bi('不平等或差距', 'inequality or disparity')],
];

export function directionHint(name: string): { direction: '-'; reason: Bilingual } | undefined {
  for (const [re, reason] of NEGATIVE) if (re.test(name)) return { direction: '-', reason };
  return undefined;
}
