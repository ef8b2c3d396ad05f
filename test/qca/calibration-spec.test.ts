import { describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/adapters/io/read.ts';
import { calibrateTable, parseCalibrationSpec } from '../../src/core/qca/calibration-spec.ts';
import { XinzhiError } from '../../src/core/errors.ts';
import { close, dataPath, NUMPY } from './helpers.ts';

describe('calibration spec', () => {
  it('calibrates the named columns with the preset given (NumPy reference)', async () => {
    const spec = parseCalibrationSpec(
      {
        preset: 'fsqca',
        columns: {
          DEV: { method: 'direct', anchors: [400, 550, 900] },
          URB: { anchors: [20, 50, 70], preset: 'qca' },
          STB: { method: 'crisp', thresholds: [10], decreasing: true },
        },
      },
      'c.json',
    );
    const res = calibrateTable(await readTableFile(dataPath('lipset_LR.csv')), spec);
    expect(res.cases[0]).toBe('AU');
    res.columns[0].memberships.forEach((m, k) => expect(close(m, NUMPY.direct.fsqca.DEV.memberships[k])).toBe(true));
    res.columns[1].memberships.forEach((m, k) => expect(close(m, NUMPY.direct.qca.URB.memberships[k])).toBe(true));
    expect(res.columns[2].memberships.slice(0, 3)).toEqual([0, 1, 1]);
  });
  it('reports every problem of a spec at once, naming the file and the key', () => {
    try {
      parseCalibrationSpec(
        {
          preset: 'spss',
          columns: { A: { method: 'direct', anchors: [1, 2] }, B: { method: 'crisp' }, C: { method: 'fuzzy' } },
        },
        'c.json',
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(XinzhiError);
      expect((e as XinzhiError).problems.map((p) => [p.file, p.column])).toEqual([
        ['c.json', 'preset'],
        ['c.json', 'A'],
        ['c.json', 'B'],
        ['c.json', 'C'],
      ]);
    }
    expect(() => parseCalibrationSpec({}, 'c.json')).toThrow(/missing "columns"/);
  });
});
