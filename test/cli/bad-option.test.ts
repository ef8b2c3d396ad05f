import { describe, expect, it } from 'vitest';
import { XinzhiError } from '../../src/core/errors.ts';
import { badOption, pickLang } from '../../src/adapters/cli/util.ts';

describe('badOption (one error for an invalid option value)', () => {
  it('names the option and value in both languages and lists the choices', () => {
    const e = badOption('--rule', 'x', ['longest', 'all']);
    expect(e).toBeInstanceOf(XinzhiError);
    expect(e.format('en')).toMatch(/invalid --rule "x"/);
    expect(e.format('en')).toMatch(/choose one of longest, all/);
    expect(e.format('zh')).toMatch(/选项 --rule 的值 "x" 无效/);
  });
  it('is what pickLang throws for an unknown --lang', () => {
    expect(() => pickLang('fr')).toThrow(/invalid --lang "fr"/);
  });
});

describe('--alternative of the spatial tests', () => {
  it('accepts spdep names and refuses others, naming the option and the choices', async () => {
    const { parseAlternative } = await import('../../src/adapters/cli/analyze/weights.ts');
    expect(parseAlternative(undefined, 'greater')).toBe('greater');
    expect(parseAlternative('two.sided', 'greater')).toBe('two.sided');
    expect(() => parseAlternative('both', 'greater')).toThrow(/--alternative/);
  });
});
