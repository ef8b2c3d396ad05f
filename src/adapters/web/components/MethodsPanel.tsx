/** Method choices of the spec (normalisation, weights, panel mode, aggregation, scoring, missing values), each with its formula. */
import type { Spec, WeightMethod } from '../../../core/measure/spec.ts';
import { METHODS, MISSING_METHODS } from '../../../core/measure/methods.ts';
import { NORMALIZE_METHODS } from '../../../core/measure/spec-schema.ts';
import { useT } from '../hooks.ts';
import { editSpec } from '../spec-edit.ts';
import { Select } from './Select.tsx';
import { Formula } from './Formula.tsx';
import { fmt } from '../hooks.ts';
import { syncAhp } from '../ahp-edit.ts';
import { PRESET_IDS, PRESETS, type PresetId } from '../../../core/measure/presets.ts';
import { applyPreset } from '../spec-edit.ts';

function PresetPanel(props: { spec: Spec }) {
  const { t, lang } = useT();
  const id = props.spec.preset;
  return (
    <fieldset data-testid="preset">
      <legend>{t('preset')}</legend>
      <div class="row wrap">
        <Select
          label={t('preset')}
          value={id ?? ''}
          options={[
            { value: '', label: t('presetNone') },
            ...PRESET_IDS.map((p) => ({ value: p, label: PRESETS[p].name[lang] })),
          ]}
          onChange={(v) =>
            editSpec((x) => {
              if (v === '') delete x.preset;
              else applyPreset(x, v as PresetId);
            }, 0)
          }
          testId="preset-select"
        />
      </div>
      {id && (
        <ul class="muted small">
          {[...PRESETS[id].conventions, ...PRESETS[id].notReproduced].map((c, i) => (
            <li key={i}>{c[lang]}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** Weight methods offered in the editor (AHP matrices are edited in the AHP card; combined takes 2+ of the others). */
const WEIGHTS = ['entropy', 'critic', 'cv', 'equal', 'pca', 'given', 'ahp', 'combined'] as const;
/** Methods that can be combined. */
const BASE: readonly WeightMethod[] = ['entropy', 'critic', 'cv', 'equal', 'pca', 'ahp', 'given'];
const RULES = ['multiplicative', 'linear', 'game-theory'] as const;

/** Switch the weighting method, filling what the new method needs (AHP matrices of the tree, a default combination). */
function setWeightMethod(x: Spec, v: WeightMethod): void {
  x.weights.method = v;
  if (v === 'combined') x.weights.combine ??= { methods: ['entropy', 'critic'], rule: 'multiplicative' };
  else delete x.weights.combine;
  if (v === 'ahp' || (v === 'combined' && x.weights.combine!.methods.includes('ahp'))) syncAhp(x);
}

/** Equal coefficients α for the linear rule. */
const equalAlpha = (n: number) => Array.from({ length: n }, () => 1 / n);

function CombinePanel(props: { spec: Spec }) {
  const { t, lang } = useT();
  const c = props.spec.weights.combine ?? { methods: [], rule: 'multiplicative' as const };
  const alpha = c.alpha ?? equalAlpha(c.methods.length);
  const sum = alpha.reduce((a, b) => a + b, 0);
  const toggle = (m: WeightMethod, on: boolean) =>
    editSpec((x) => {
      const cc = (x.weights.combine ??= { methods: [], rule: 'multiplicative' });
      cc.methods = on ? BASE.filter((b) => b === m || cc.methods.includes(b)) : cc.methods.filter((b) => b !== m);
      if (cc.rule === 'linear') cc.alpha = equalAlpha(cc.methods.length);
      if (on && m === 'ahp') syncAhp(x);
    }, 0);
  return (
    <div data-testid="combine">
      <fieldset class="inline">
        <legend>{t('combineMethods')}</legend>
        {BASE.map((m) => (
          <label key={m} class="check">
            <input
              type="checkbox"
              checked={c.methods.includes(m)}
              data-testid={`combine-${m}`}
              onChange={(e) => toggle(m, (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {METHODS.weights[m].name[lang]}
          </label>
        ))}
      </fieldset>
      <div class="row wrap">
        <Select
          label={t('combineRule')}
          value={c.rule}
          options={RULES.map((r) => ({ value: r, label: METHODS.combine[r].name[lang] }))}
          testId="combine-rule"
          onChange={(v) =>
            editSpec((x) => {
              const cc = x.weights.combine!;
              cc.rule = v;
              if (v === 'linear') cc.alpha = equalAlpha(cc.methods.length);
              else delete cc.alpha;
            }, 0)
          }
        />
        {c.rule === 'linear' &&
          c.methods.map((m, i) => (
            <span class="field" key={m}>
              <label for={`alpha-${m}`}>
                {t('alphaOf')} · {METHODS.weights[m].name[lang]}
              </label>
              <input
                id={`alpha-${m}`}
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={Number(alpha[i]?.toFixed(6) ?? 0)}
                data-testid={`alpha-${m}`}
                onInput={(e) => {
                  const v = Number((e.currentTarget as HTMLInputElement).value);
                  if (v >= 0)
                    editSpec((x) => {
                      const cc = x.weights.combine!;
                      const a = cc.alpha ?? equalAlpha(cc.methods.length);
                      a[i] = v;
                      cc.alpha = a;
                    }, 500);
                }}
              />
            </span>
          ))}
        {c.rule === 'linear' && (
          <span class={Math.abs(sum - 1) > 1e-9 ? 'err' : 'muted'}>
            {t('alphaSum')}: {fmt(sum, 4)}
          </span>
        )}
      </div>
      <Formula info={METHODS.combine[c.rule]} />
    </div>
  );
}
const MISSING = ['error', 'interpolate', 'unit-mean', 'time-mean', 'drop'] as const;

export function MethodsPanel(props: { spec: Spec }) {
  const { t, lang } = useT();
  const s = props.spec;
  const sc = s.score ?? {};
  const wm = s.weights.method;
  return (
    <div class="methods" data-testid="methods">
      <PresetPanel spec={s} />
      <fieldset>
        <legend>{t('normalization')}</legend>
        <div class="row wrap">
          <Select
            label={t('normalization')}
            value={s.normalize.method}
            options={NORMALIZE_METHODS.map((m) => ({ value: m, label: METHODS.normalize[m].name[lang] }))}
            onChange={(v) =>
              editSpec((x) => {
                x.normalize.method = v;
              })
            }
            testId="norm-method"
          />
          {s.normalize.method === 'minmax' && s.normalize.range && (
            <span class="field" data-testid="norm-range">
              {t('normRange')}: [{s.normalize.range[0]}, {s.normalize.range[1]}]
            </span>
          )}
          {s.normalize.method === 'minmax' && !s.normalize.range && (
            <span class="field">
              <label for="shift">{t('shift')}</label>
              <input
                id="shift"
                type="number"
                min={0}
                step={0.0001}
                value={s.normalize.shift ?? 0.0001}
                onInput={(e) => {
                  const v = Number((e.currentTarget as HTMLInputElement).value);
                  if (v >= 0)
                    editSpec((x) => {
                      x.normalize.shift = v;
                    }, 400);
                }}
              />
            </span>
          )}
          <Select
            label={t('normPanel')}
            value={s.normalize.panel ?? 'pooled'}
            options={[
              { value: 'pooled', label: t('pooled') },
              { value: 'by-time', label: t('byTime') },
            ]}
            onChange={(v) =>
              editSpec((x) => {
                x.normalize.panel = v;
              })
            }
          />
        </div>
        <Formula info={METHODS.normalize[s.normalize.method]} />
      </fieldset>
      <fieldset>
        <legend>{t('weighting')}</legend>
        <div class="row wrap">
          <Select
            label={t('weighting')}
            value={(WEIGHTS as readonly string[]).includes(wm) ? wm : 'entropy'}
            options={WEIGHTS.map((m) => ({ value: m, label: METHODS.weights[m].name[lang] }))}
            onChange={(v) => editSpec((x) => setWeightMethod(x, v), 0)}
            testId="weights-method"
          />
          <Select
            label={t('panelMode')}
            value={s.weights.panel ?? 'pooled'}
            options={[
              { value: 'pooled', label: t('pooled') },
              { value: 'by-time', label: t('byTime') },
            ]}
            onChange={(v) =>
              editSpec((x) => {
                x.weights.panel = v;
              })
            }
            testId="weights-panel"
          />
          <Select
            label={t('scope')}
            value={s.weights.scope ?? 'leaves'}
            options={[
              { value: 'leaves', label: t('scopeLeaves') },
              { value: 'children', label: t('scopeChildren') },
            ]}
            onChange={(v) =>
              editSpec((x) => {
                x.weights.scope = v;
              })
            }
          />
        </div>
        {wm === 'combined' ? <CombinePanel spec={s} /> : <Formula info={METHODS.weights[wm]} />}
      </fieldset>
      <fieldset>
        <legend>{t('aggregation')}</legend>
        <Select
          label={t('aggregation')}
          value={s.aggregate.method}
          options={[
            { value: 'arithmetic', label: t('arithmetic') },
            { value: 'geometric', label: t('geometric') },
          ]}
          onChange={(v) =>
            editSpec((x) => {
              x.aggregate.method = v;
            })
          }
          testId="agg-method"
        />
        <div class="formula">
          <span class="muted">{t('formula')}:</span>{' '}
          <code>{s.aggregate.method === 'arithmetic' ? 'S = Σ_c w_c x_c' : 'S = Π_c x_c^{w_c}'}</code>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('scoring')}</legend>
        <div class="row wrap">
          <span class="field">
            <label for="scale">{t('scale')}</label>
            <input
              id="scale"
              type="number"
              min={0.0001}
              step={1}
              value={sc.scale ?? 1}
              onInput={(e) => {
                const v = Number((e.currentTarget as HTMLInputElement).value);
                if (v > 0)
                  editSpec((x) => {
                    (x.score ??= {}).scale = v;
                  }, 400);
              }}
            />
          </span>
          <Select
            label={t('ties')}
            value={sc.ties ?? 'min'}
            options={(['min', 'average'] as const).map((m) => ({
              value: m,
              label: `${METHODS.ranks[m].name[lang]} (${METHODS.ranks[m].formula})`,
            }))}
            onChange={(v) =>
              editSpec((x) => {
                (x.score ??= {}).ties = v;
              })
            }
          />
        </div>
        <fieldset class="inline">
          <legend>{t('extraScores')}</legend>
          {(['topsis', 'gra', 'vikor'] as const).map((m) => (
            <label key={m} class="check">
              <input
                type="checkbox"
                checked={!!sc[m]}
                onChange={(e) =>
                  editSpec((x) => {
                    (x.score ??= {})[m] = (e.currentTarget as HTMLInputElement).checked;
                  })
                }
              />{' '}
              {METHODS.scores[m].name[lang]}
            </label>
          ))}
        </fieldset>
        {(['topsis', 'gra', 'vikor'] as const)
          .filter((m) => sc[m])
          .map((m) => (
            <Formula key={m} info={METHODS.scores[m]} />
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('missing')}</legend>
        <Select
          label={t('missing')}
          value={
            (MISSING as readonly string[]).includes(s.missing?.method ?? 'error')
              ? ((s.missing?.method ?? 'error') as (typeof MISSING)[number])
              : 'error'
          }
          options={MISSING.map((m) => ({ value: m, label: MISSING_METHODS[m][lang] }))}
          onChange={(v) =>
            editSpec((x) => {
              x.missing = { method: v };
            })
          }
        />
      </fieldset>
    </div>
  );
}
