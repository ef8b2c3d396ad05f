/**
 * Equal weights (等权法): w_j = 1/k for k indicators. Source: OECD/JRC
 * Handbook on Constructing Composite Indicators (2008), §6.1.
 */
import { bi } from '../../i18n.ts';
import { MeasureInputError } from './input.ts';

/** k equal weights 1/k; k must be a positive integer. */
export function equalWeights(k: number): number[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new MeasureInputError({
      code: 'equal-k',
      severity: 'error',
      message: bi(
        `等权法需要正整数个指标，得到 ${k}。`,
        `equal weights need a positive whole number of indicators, got ${k}.`,
      ),
      fix: bi('至少给出一个指标。', 'Give at least one indicator.'),
    });
  }
  return new Array<number>(k).fill(1 / k);
}
