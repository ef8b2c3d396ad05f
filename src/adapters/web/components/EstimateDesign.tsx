/**
 * The estimation page's controls and output for DID, event studies and the
 * spatial panel models: the treatment design (treat × post, or a cohort
 * column with Callaway–Sant'Anna or the static TWFE estimator), the event
 * window, the seeded placebo; the spatial weights W (from the province
 * boundaries the app loads, or the uploaded edge list), the information
 * matrix and the impact draws. The output is the report's own tables of the
 * model and the plot `xinzhi estimate --plot` writes (estimatePlots).
 */
import { useMemo } from 'preact/hooks';
import type { EstimateModelResult, EstimateResult } from '../../../core/estimate/run.ts';
import { estimatePlots } from '../../report/event-study-chart.ts';
import { estimateReportParts } from '../../report/estimate-report.ts';
import { downloadBlob } from '../download.ts';
import { DEFAULT_WINDOW, isDidType, isSpatialType } from '../estimate-request.ts';
import type { EstimateRequest } from '../estimate-session.ts';
import { useT } from '../hooks.ts';
import type { Key } from '../i18n.ts';
import { useStore } from '../store.ts';
import { ProblemList } from './ProblemList.tsx';
import { ReportSections } from './ReportSections.tsx';
import { Select } from './Select.tsx';
import { WeightsFileInput } from './WeightsFileInput.tsx';

type Option = { value: string; label: string };
type Patch = (patch: Partial<EstimateRequest>) => void;

/** The weights offered: the `analyze --weights` grammar; 'file' is the uploaded edge list. */
const WEIGHTS: Array<[string, Key]> = [
  ['queen', 'wQueen'],
  ['rook', 'wRook'],
  ['knn:4', 'wKnn4'],
  ['idw', 'wIdw'],
  ['idw:1:1000', 'wBand'],
  ['file', 'wFile'],
];

function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  testId: string;
}) {
  return (
    <span class="field">
      <label>
        {props.label}{' '}
        <input
          type="number"
          step="1"
          min={props.min}
          max={props.max}
          value={props.value}
          data-testid={props.testId}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value);
            if (Number.isInteger(v) && v >= props.min && v <= props.max) props.onChange(v);
          }}
        />
      </label>
    </span>
  );
}

/** Design, treatment columns, CS options, event window and placebo of a did / event-study draft. */
export function DidOptions(props: { draft: EstimateRequest; set: Patch; columns: Option[] }) {
  const { t } = useT();
  const d = props.draft;
  const set = props.set;
  const none = [{ value: '', label: '—' }, ...props.columns];
  const design = d.estimator ?? 'tp';
  const window = d.window ?? DEFAULT_WINDOW;
  const placebo = d.placebo;
  return (
    <div class="row wrap" data-testid="est-did-options">
      {d.type === 'did' && (
        <Select
          label={t('didDesign')}
          value={design}
          options={[
            { value: 'tp', label: t('didTreatPost') },
            { value: 'cs', label: t('didCohortCs') },
            { value: 'twfe', label: t('didCohortTwfe') },
          ]}
          onChange={(v) => set({ estimator: v === 'tp' ? undefined : (v as 'cs' | 'twfe') })}
          testId="est-did-design"
        />
      )}
      {d.type === 'did' && design === 'tp' ? (
        <>
          <Select
            label={t('didTreat')}
            value={d.treat ?? ''}
            options={none}
            onChange={(v) => set({ treat: v || undefined })}
            testId="est-treat"
          />
          <Select
            label={t('didPost')}
            value={d.post ?? ''}
            options={none}
            onChange={(v) => set({ post: v || undefined })}
            testId="est-post"
          />
        </>
      ) : (
        <Select
          label={t('didCohort')}
          value={d.cohort ?? ''}
          options={none}
          onChange={(v) => set({ cohort: v || undefined })}
          testId="est-cohort"
        />
      )}
      {d.type === 'did' && design === 'cs' && (
        <>
          <Select
            label={t('csControl')}
            value={d.control ?? 'never'}
            options={[
              { value: 'never', label: t('csNever') },
              { value: 'notyet', label: t('csNotYet') },
            ]}
            onChange={(control) => set({ control })}
            testId="est-cs-control"
          />
          <Select
            label={t('csBase')}
            value={d.base ?? 'varying'}
            options={[
              { value: 'varying', label: t('csVarying') },
              { value: 'universal', label: t('csUniversal') },
            ]}
            onChange={(base) => set({ base })}
            testId="est-cs-base"
          />
        </>
      )}
      {d.type === 'event-study' && (
        <>
          <NumberField
            label={t('esLead')}
            value={window[0]}
            min={-30}
            max={-1}
            onChange={(v) => set({ window: [v, window[1]] })}
            testId="est-window-lead"
          />
          <NumberField
            label={t('esLag')}
            value={window[1]}
            min={0}
            max={30}
            onChange={(v) => set({ window: [window[0], v] })}
            testId="est-window-lag"
          />
          <label class="check">
            <input
              type="checkbox"
              checked={d.bin ?? false}
              data-testid="est-bin"
              onChange={(e) => set({ bin: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('esBin')}
          </label>
          <span class="muted small">{t('esReference')}</span>
        </>
      )}
      {d.type === 'did' && (
        <>
          <NumberField
            label={t('placeboDraws')}
            value={placebo?.draws ?? 0}
            min={0}
            max={5000}
            onChange={(draws) =>
              set({ placebo: draws ? { draws, seed: placebo?.seed ?? 1, mode: placebo?.mode ?? 'units' } : undefined })
            }
            testId="est-placebo-draws"
          />
          {placebo && (
            <>
              <Select
                label={t('placeboMode')}
                value={placebo.mode ?? 'units'}
                options={[
                  { value: 'units', label: t('placeboUnits') },
                  { value: 'units-and-dates', label: t('placeboUnitsDates') },
                ]}
                onChange={(mode) => set({ placebo: { ...placebo, mode } })}
                testId="est-placebo-mode"
              />
              <NumberField
                label={t('seedLabel')}
                value={placebo.seed ?? 1}
                min={0}
                max={2 ** 31 - 1}
                onChange={(seed) => set({ placebo: { ...placebo, seed } })}
                testId="est-placebo-seed"
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

/** Weights W, information matrix, bias correction and impact draws of a spatial draft. */
export function SpatialOptions(props: { draft: EstimateRequest; set: Patch }) {
  const { t } = useT();
  const s = useStore();
  const d = props.draft;
  const set = props.set;
  return (
    <>
      <div class="row wrap" data-testid="est-spatial-options">
        <Select
          label={t('weightsW')}
          value={d.weights ?? 'queen'}
          options={WEIGHTS.map(([value, k]) => ({ value, label: t(k) }))}
          onChange={(weights) => set({ weights })}
          testId="est-weights"
        />
        <Select
          label={t('spatialInfo')}
          value={d.info ?? 'observed'}
          options={[
            { value: 'observed', label: t('infoObserved') },
            { value: 'expected', label: t('infoExpected') },
          ]}
          onChange={(info) => set({ info })}
          testId="est-info"
        />
        <label class="check">
          <input
            type="checkbox"
            checked={d.correction === 'lee-yu'}
            data-testid="est-lee-yu"
            onChange={(e) => set({ correction: (e.currentTarget as HTMLInputElement).checked ? 'lee-yu' : 'none' })}
          />{' '}
          {t('leeYu')}
        </label>
        {d.type === 'sdm' && (
          <>
            <NumberField
              label={t('impactDraws')}
              value={d.draws ?? 1000}
              min={0}
              max={20000}
              onChange={(draws) => set({ draws })}
              testId="est-draws"
            />
            <NumberField
              label={t('seedLabel')}
              value={d.seed ?? 1}
              min={0}
              max={2 ** 31 - 1}
              onChange={(seed) => set({ seed })}
              testId="est-seed"
            />
          </>
        )}
      </div>
      {d.weights === 'file' && (
        <div class="row wrap">
          <WeightsFileInput testId="est-weights-file-input" />
          <span class="muted small" data-testid="est-weights-file">
            {s.weightsFile && !s.weightsFile.problems
              ? `${s.weightsFile.name}: ${s.weightsFile.edges} ${t('links')}`
              : t('uploadWeightsNote')}
          </span>
          {s.weightsFile?.problems && <ProblemList problems={s.weightsFile.problems} />}
        </div>
      )}
      <p class="muted small">{t('spatialFeNote')}</p>
    </>
  );
}

/** Whether a result has tables or a plot of its own beyond the coefficient table (DID family, spatial). */
export const hasDesignOutput = (m: EstimateModelResult) => isDidType(m.type) || isSpatialType(m.type);

/** The plot `xinzhi estimate --plot` writes (same SVG text), then the report's own tables of the model. */
export function DesignOutput(props: { result: EstimateResult }) {
  const { t, lang } = useT();
  const plots = useMemo(() => estimatePlots(props.result, lang), [props.result, lang]);
  const sections = useMemo(
    () =>
      estimateReportParts(props.result, lang, { plots: false }).sections.filter((x) => x.id.startsWith('est-model-')),
    [props.result, lang],
  );
  return (
    <>
      {plots.map((p) => (
        <figure class="card" key={p.name} data-testid="est-event-plot">
          <div dangerouslySetInnerHTML={{ __html: p.svg }} />
          <figcaption class="row wrap">
            <span class="muted small">{t('eventPlot')}</span>
            <button
              type="button"
              class="small"
              onClick={() => downloadBlob(new Blob([p.svg], { type: 'image/svg+xml' }), 'event-study.svg')}
            >
              {t('downloadSvg')}
            </button>
          </figcaption>
        </figure>
      ))}
      <ReportSections sections={sections} lang={lang} />
    </>
  );
}
