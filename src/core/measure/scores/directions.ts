/** Check a directions array for the MCDM scores: one "+" or "-" per column. */
import { bi } from '../../i18n.ts';
import type { Direction } from '../direction.ts';
import { columnLabel, MeasureInputError } from '../weights/input.ts';

export function checkDirections(directions: Direction[], k: number, method: string): void {
  if (!Array.isArray(directions) || directions.length !== k) {
    throw new MeasureInputError({
      code: 'directions-length',
      severity: 'error',
      message: bi(
        `${method}：方向有 ${directions?.length} 个，指标有 ${k} 个。`,
        `${method}: ${directions?.length} directions for ${k} indicator columns.`,
      ),
      fix: bi('为每个指标给出 "+" 或 "-"。', 'Give "+" or "-" for every indicator.'),
    });
  }
  for (let j = 0; j < k; j++) {
    if (directions[j] !== '+' && directions[j] !== '-') {
      throw new MeasureInputError(
        {
          code: 'bad-direction',
          severity: 'error',
          column: columnLabel(j),
          message: bi(
            `${method}：第 ${j + 1} 个方向为 "${String(directions[j])}"。`,
            `${method}: direction ${j + 1} is "${String(directions[j])}".`,
          ),
          fix: bi(
            '方向须为 "+"（越大越好）或 "-"（越小越好）。',
            'A direction is "+" (larger is better) or "-" (smaller is better).',
          ),
        },
        { columnIndex: j },
      );
    }
  }
}
