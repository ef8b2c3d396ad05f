/** Method choices of the spec (normalisation, weights, panel mode, aggregation, scoring, missing values), each with its formula. */
import type { Spec } from '../../../core/measure/spec.ts';
import { METHODS } from '../../../core/measure/methods.ts';
import { NORMALIZE_METHODS } from '../../../core/measure/spec-schema.ts';
import { useT } from '../hooks.ts';
import { editSpec } from '../spec-edit.ts';
import { Select } from './Select.tsx';
import { Formula } from './Formula.tsx';

/** Weight methods offered in the editor (AHP and combined need matrices / rules: edit them in the spec JSON). */
const WEIGHTS = ['entropy', 'critic', 'cv', 'equal', 'pca', 'given'] as const;
const MISSING = ['error', 'interpolate', 'unit-mean', 'time-mean', 'drop'] as const;

export function MethodsPanel(props: { spec: Spec }) {
  const { t, lang } = useT();
  const s = props.spec;
  const sc = s.score ?? {};
  const wm = s.weights.method;
  return (
    <div class="methods" data-testid="methods">
      <fieldset>
        <legend>{t('normalization')}</legend>
        <div class="row wrap">
          <Select label={t('normalization')} value={s.normalize.method} options={NORMALIZE_METHODS.map((m) => ({ value: m, label: METHODS.normalize[m].name[lang] }))} onChange={(v) => editSpec((x) => { x.normalize.method = v; })} testId="norm-method" />
          {s.normalize.method === 'minmax' && (
            <span class="field"><label for="shift">{t('shift')}</label><input id="shift" type="number" min={0} step={0.0001} value={s.normalize.shift ?? 0.0001} onInput={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (v >= 0) editSpec((x) => { x.normalize.shift = v; }, 400); }} /></span>
          )}
          <Select label={t('normPanel')} value={s.normalize.panel ?? 'pooled'} options={[{ value: 'pooled', label: t('pooled') }, { value: 'by-time', label: t('byTime') }]} onChange={(v) => editSpec((x) => { x.normalize.panel = v; })} />
        </div>
        <Formula info={METHODS.normalize[s.normalize.method]} />
      </fieldset>
      <fieldset>
        <legend>{t('weighting')}</legend>
        <div class="row wrap">
          <Select label={t('weighting')} value={(WEIGHTS as readonly string[]).includes(wm) ? wm : 'entropy'} options={WEIGHTS.map((m) => ({ value: m, label: METHODS.weights[m].name[lang] }))} onChange={(v) => editSpec((x) => { x.weights.method = v; if (v !== 'combined') delete x.weights.combine; })} testId="weights-method" />
          <Select label={t('panelMode')} value={s.weights.panel ?? 'pooled'} options={[{ value: 'pooled', label: t('pooled') }, { value: 'by-time', label: t('byTime') }]} onChange={(v) => editSpec((x) => { x.weights.panel = v; })} testId="weights-panel" />
          <Select label={t('scope')} value={s.weights.scope ?? 'leaves'} options={[{ value: 'leaves', label: t('scopeLeaves') }, { value: 'children', label: t('scopeChildren') }]} onChange={(v) => editSpec((x) => { x.weights.scope = v; })} />
        </div>
        <Formula info={METHODS.weights[wm]} />
      </fieldset>
      <fieldset>
        <legend>{t('aggregation')}</legend>
        <Select label={t('aggregation')} value={s.aggregate.method} options={[{ value: 'arithmetic', label: t('arithmetic') }, { value: 'geometric', label: t('geometric') }]} onChange={(v) => editSpec((x) => { x.aggregate.method = v; })} testId="agg-method" />
        <div class="formula"><span class="muted">{t('formula')}:</span> <code>{s.aggregate.method === 'arithmetic' ? 'S = Σ_c w_c x_c' : 'S = Π_c x_c^{w_c}'}</code></div>
      </fieldset>
      <fieldset>
        <legend>{t('scoring')}</legend>
        <div class="row wrap">
          <span class="field"><label for="scale">{t('scale')}</label><input id="scale" type="number" min={0.0001} step={1} value={sc.scale ?? 1} onInput={(e) => { const v = Number((e.currentTarget as HTMLInputElement).value); if (v > 0) editSpec((x) => { (x.score ??= {}).scale = v; }, 400); }} /></span>
          <Select label={t('ties')} value={sc.ties ?? 'min'} options={(['min', 'average'] as const).map((m) => ({ value: m, label: `${METHODS.ranks[m].name[lang]} (${METHODS.ranks[m].formula})` }))} onChange={(v) => editSpec((x) => { (x.score ??= {}).ties = v; })} />
        </div>
        <fieldset class="inline">
          <legend>{t('extraScores')}</legend>
          {(['topsis', 'gra', 'vikor'] as const).map((m) => (
            <label key={m} class="check"><input type="checkbox" checked={!!sc[m]} onChange={(e) => editSpec((x) => { (x.score ??= {})[m] = (e.currentTarget as HTMLInputElement).checked; })} /> {METHODS.scores[m].name[lang]}</label>
          ))}
        </fieldset>
        {(['topsis', 'gra', 'vikor'] as const).filter((m) => sc[m]).map((m) => <Formula key={m} info={METHODS.scores[m]} />)}
      </fieldset>
      <fieldset>
        <legend>{t('missing')}</legend>
        <Select label={t('missing')} value={(MISSING as readonly string[]).includes(s.missing?.method ?? 'error') ? (s.missing?.method ?? 'error') as (typeof MISSING)[number] : 'error'} options={MISSING.map((m) => ({ value: m, label: m }))} onChange={(v) => editSpec((x) => { x.missing = { method: v }; })} />
      </fieldset>
    </div>
  );
}
