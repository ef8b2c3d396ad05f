/**
 * The small index several measure tests evaluate: dimensions A (x1 up, x2
 * down) and B (x3, x4 up) over unit column `u` and time column `t`.
 */
export const TWO_DIMENSIONS = {
  unit: 'u',
  time: 't',
  nodes: [
    { id: 'A', parent: null },
    { id: 'B', parent: null },
  ],
  indicators: [
    { id: 'a1', column: 'x1', direction: '+', parent: 'A' },
    { id: 'a2', column: 'x2', direction: '-', parent: 'A' },
    { id: 'b1', column: 'x3', direction: '+', parent: 'B' },
    { id: 'b2', column: 'x4', direction: '+', parent: 'B' },
  ],
};
