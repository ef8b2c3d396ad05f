/**
 * The small index several measure tests evaluate: dimensions A (x1 up, x2
 * down) and B (x3, x4 up) over unit column `u` and time column `t`, and a
 * panel for it (6 units × 4 years, every value positive, a region label).
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

/** Rows of 6 units (U0 … U5) × 4 years (2019 … 2022) with x1 … x4 and region E / W. */
export const TWO_DIMENSION_ROWS: ReadonlyArray<Record<string, string | number>> = Array.from({ length: 24 }, (_, k) => {
  const i = Math.floor(k / 4);
  const t = k % 4;
  return {
    u: `U${i}`,
    t: 2019 + t,
    x1: 1 + i + 0.3 * t,
    x2: 10 - i + Math.sin(i + t),
    x3: 2 + ((i * 7 + t * 3) % 5),
    x4: 5 + i * i * 0.2 + t,
    region: i < 3 ? 'E' : 'W',
  };
});
