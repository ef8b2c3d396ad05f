/**
 * Parameters of fit of a sum-of-products expression written by the user, as
 * the R package QCA's `pof("DEV*~IND + URB*STB", "SURV", data)`: the
 * expression's membership is the maximum over its terms, each term the minimum
 * over its literals (sets.ts). Reports sufficiency (inclS, PRI, covS, and per
 * term covU) and necessity (inclN, RoN, covN) of the whole expression (fit.ts).
 */
import { XinzhiError } from '../errors.ts';
import { bi } from '../i18n.ts';
import { necessityFit, sufficiencyFit, type NecessityFit, type SufficiencyFit } from './fit.ts';
import { modelFit, type SolutionTerm } from './minimize.ts';
import { implicantMembership, unionMembership, type Implicant, type SetCondition, type SetData } from './sets.ts';

export interface ExpressionFit {
  expression: string;
  outcomeName: string;
  terms: Array<Omit<SolutionTerm, 'cases'>>;
  sufficiency: SufficiencyFit;
  necessity: NecessityFit;
}

/**
 * Parse "A*~B + C[2]" into implicants over the given conditions ("~" negates; "[v]" is a multi-value level).
 * @example parseExpression('DEV*~IND + URB*STB', data.conditions)
 */
export function parseExpression(text: string, conditions: readonly SetCondition[]): Implicant[] {
  const names = conditions.map((c) => c.name);
  const fail = (part: string) =>
    new XinzhiError({
      code: 'qca-expression',
      severity: 'error',
      message: bi(`无法识别表达式中的 "${part}"`, `cannot read "${part}" in the expression`),
      fix: bi(
        `写成 "A*~B + C" 的形式，条件取自：${names.join(', ')}`,
        `write it as "A*~B + C" with conditions among: ${names.join(', ')}`,
      ),
    });
  const terms = text.split('+').map((t) => t.trim());
  if (terms.some((t) => t === '')) throw fail(text);
  return terms.map((term) => {
    const imp: Implicant = conditions.map(() => -1);
    for (const raw of term.split('*').map((s) => s.trim())) {
      const m = /^(~?)([^[\]~*+]+?)(?:\[(\d+)\])?$/.exec(raw);
      const j = m ? names.indexOf(m[2].trim()) : -1;
      if (!m || j < 0) throw fail(raw);
      const c = conditions[j];
      const v = m[3] !== undefined ? Number(m[3]) : m[1] ? 0 : 1;
      if (m[1] && m[3] !== undefined) throw fail(raw);
      if (v >= c.levels || (imp[j] >= 0 && imp[j] !== v)) throw fail(raw);
      imp[j] = v;
    }
    return imp;
  });
}

/**
 * Sufficiency and necessity fit of an expression for the outcome.
 * @example expressionFit(data, 'DEV*~IND + URB*STB').sufficiency.inclS
 */
export function expressionFit(data: SetData, text: string): ExpressionFit {
  const implicants = parseExpression(text, data.conditions);
  const model = modelFit(data, implicants, new Set());
  const x = unionMembership(
    implicants.map((imp) => implicantMembership(data, imp)),
    data.cases.length,
  );
  if (!x.some((v) => v > 0))
    throw new XinzhiError({
      code: 'qca-empty-expression',
      severity: 'error',
      column: text,
      message: bi(
        `表达式 ${model.expression} 在所有案例中的隶属度都为 0（没有案例属于它），其一致性无法计算`,
        `the expression ${model.expression} has membership 0 in every case (no case belongs to it): its consistency cannot be computed`,
      ),
      fix: bi(
        '换一个至少有一个案例属于的表达式（可先看真值表中有哪些组态）',
        'choose an expression that at least one case belongs to (the truth table shows which configurations occur)',
      ),
    });
  return {
    expression: model.expression,
    outcomeName: data.outcomeName,
    terms: model.terms.map(({ cases: _cases, ...t }) => t),
    sufficiency: sufficiencyFit(x, data.outcome),
    necessity: necessityFit(x, data.outcome),
  };
}
