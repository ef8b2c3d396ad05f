/**
 * AHP pairwise comparison matrices of the spec, one per node ("index" for the
 * top level and each dimension with 2+ children): Saaty 1–9 selects above the
 * diagonal, reciprocals filled in below; λmax, CI, CR and the item weights
 * live from the core's ahpWeights, with the 0.1 threshold; the
 * allowInconsistent switch. Every edit writes weights.ahp and recomputes.
 */
import { useState } from 'preact/hooks';
import type { Spec } from '../../../core/measure/spec.ts';
import { ahpWeights, CR_THRESHOLD, type AhpResult } from '../../../core/measure/weights/ahp.ts';
import { XinzhiError } from '../../../core/errors.ts';
import type { Bilingual } from '../../../core/i18n.ts';
import { INDEX_ID } from '../../../core/measure/result.ts';
import { fmt, useT } from '../hooks.ts';
import { editSpec } from '../spec-edit.ts';
import { SAATY, ahpInSync, ahpParents, alignedMatrix, saatyLabel, syncAhp } from '../ahp-edit.ts';
import { Select } from './Select.tsx';
import { ProblemList } from './ProblemList.tsx';
import { useStore } from '../store.ts';

/** λmax, CI, CR of a matrix by the core (never throwing on inconsistency), or the core's message. */
function consistency(matrix: number[][]): { r?: AhpResult; error?: Bilingual } {
  try {
    return { r: ahpWeights(matrix, { allowInconsistent: true }) };
  } catch (e) {
    if (e instanceof XinzhiError) return { error: e.problems[0].message };
    throw e;
  }
}

export function AhpEditor(props: { spec: Spec }) {
  const { t, lang } = useT();
  const { specProblems } = useStore();
  const spec = props.spec;
  // the core's AHP problems of the last evaluation, shown next to the matrices as well as at the top of the view
  const ahpProblems = (specProblems ?? []).filter(
    (p) => p.code.startsWith('ahp') || p.code === 'spec-ahp' || /weights\.ahp/.test(p.message.en),
  );
  const parents = ahpParents(spec);
  const [sel, setSel] = useState(INDEX_ID);
  const nameOf = (id: string): string => {
    if (id === INDEX_ID) return spec.name?.[lang] ?? t('index');
    const n = spec.nodes?.find((x) => x.id === id) ?? spec.indicators.find((x) => x.id === id);
    return n?.name?.[lang] ?? id;
  };
  const synced = ahpInSync(spec);
  const allow = spec.weights.allowInconsistent ?? false;
  if (!parents.length) return <p class="muted">{t('ahpNoMatrix')}</p>;
  const cur = parents.find((p) => p.node === sel) ?? parents[0];
  const matrix = alignedMatrix(spec, cur.node, cur.items);
  const c = consistency(matrix);
  const set = (i: number, j: number, v: number) =>
    editSpec((x) => {
      syncAhp(x);
      const m = x.weights.ahp![cur.node].matrix;
      m[i][j] = v;
      m[j][i] = 1 / v;
    });
  const status = (r?: AhpResult) => (!r ? '—' : r.CR <= CR_THRESHOLD ? t('ahpConsistent') : t('ahpInconsistent'));
  return (
    <div class="ahp" data-testid="ahp-editor">
      <p class="muted small">{t('ahpIntro')}</p>
      {!synced && (
        <div class="notice" role="note">
          <p>{t('ahpOutOfSync')}</p>
          <button type="button" onClick={() => editSpec(syncAhp, 0)} data-testid="ahp-sync">
            {t('ahpSync')}
          </button>
        </div>
      )}
      <div class="row wrap">
        <Select
          label={t('ahpNode')}
          value={cur.node}
          options={parents.map((p) => ({ value: p.node, label: `${nameOf(p.node)} (${p.items.length})` }))}
          onChange={setSel}
          testId="ahp-node"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={allow}
            data-testid="ahp-allow"
            onChange={(e) =>
              editSpec((x) => {
                x.weights.allowInconsistent = (e.currentTarget as HTMLInputElement).checked;
              }, 0)
            }
          />{' '}
          {t('ahpAllow')}
        </label>
      </div>
      <div class="table-wrap">
        <table class="three-line small ahp-matrix" data-testid="ahp-matrix">
          <caption>
            {nameOf(cur.node)} — a_ij: {t('ahpItem')} i {t('ahpVs')} j
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('ahpItem')}</th>
              {cur.items.map((id, j) => (
                <th scope="col" key={id} title={nameOf(id)}>
                  {j + 1}
                </th>
              ))}
              <th scope="col" class="num">
                {t('weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {cur.items.map((a, i) => (
              <tr key={a}>
                <th scope="row">
                  {i + 1}. {nameOf(a)}
                </th>
                {cur.items.map((b, j) => {
                  const v = matrix[i][j];
                  if (i === j)
                    return (
                      <td key={b} class="num">
                        1
                      </td>
                    );
                  const lbl = saatyLabel(v);
                  if (j < i)
                    return (
                      <td key={b} class="num muted" data-cell={`${i + 1},${j + 1}`}>
                        {lbl ?? fmt(v, 3)}
                      </td>
                    );
                  const options = [
                    ...SAATY.map((s) => ({ value: s.label, label: s.label })),
                    ...(lbl ? [] : [{ value: String(v), label: fmt(v, 3) }]),
                  ];
                  return (
                    <td key={b}>
                      <Select
                        hideLabel
                        label={`a(${i + 1},${j + 1}): ${nameOf(a)} ${t('ahpVs')} ${nameOf(b)}`}
                        value={lbl ?? String(v)}
                        options={options}
                        testId={`ahp-${i + 1}-${j + 1}`}
                        onChange={(s) => {
                          const hit = SAATY.find((x) => x.label === s);
                          set(i, j, hit ? hit.value : Number(s));
                        }}
                      />
                    </td>
                  );
                })}
                <td class="num">{c.r ? fmt(c.r.weights[i], 4) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.r ? (
        <p data-testid="ahp-cr" class={c.r.CR > CR_THRESHOLD ? (allow ? 'warn' : 'err') : ''}>
          λmax = {fmt(c.r.lambdaMax, 4)} · CI = {fmt(c.r.CI, 4)} · RI = {c.r.RI} · CR ={' '}
          <span data-testid="ahp-cr-value">{fmt(c.r.CR, 4)}</span> · {status(c.r)}
        </p>
      ) : (
        <p class="err" data-testid="ahp-cr">
          {c.error?.[lang]}
        </p>
      )}
      {ahpProblems.length > 0 && <ProblemList problems={ahpProblems} title={t('specProblems')} testId="ahp-problems" />}
      <p class="muted small">{t('ahpScale')}</p>
      <details>
        <summary>{t('ahpAll')}</summary>
        <table class="three-line small">
          <thead>
            <tr>
              <th scope="col">{t('node')}</th>
              <th scope="col" class="num">
                n
              </th>
              <th scope="col" class="num">
                λmax
              </th>
              <th scope="col" class="num">
                CI
              </th>
              <th scope="col" class="num">
                CR
              </th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {parents.map((p) => {
              const r = consistency(alignedMatrix(spec, p.node, p.items)).r;
              return (
                <tr key={p.node}>
                  <th scope="row">{nameOf(p.node)}</th>
                  <td class="num">{p.items.length}</td>
                  <td class="num">{fmt(r?.lambdaMax)}</td>
                  <td class="num">{fmt(r?.CI)}</td>
                  <td class="num">{fmt(r?.CR)}</td>
                  <td class={r && r.CR > CR_THRESHOLD ? 'err' : ''}>{status(r)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
