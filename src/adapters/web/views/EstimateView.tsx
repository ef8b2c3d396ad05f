/**
 * Estimation: build a model (Y from the index just built or any column; X,
 * controls, M, Z, instruments, a threshold variable, a DID design or event
 * window, spatial weights W; fixed effects, standard errors), estimated by
 * the core's runEstimate in the worker as soon as it is complete. Shows the
 * regression table, a coefficient plot with t-based intervals (z for the
 * spatial models), the model's own report tables, the event-study plot and
 * the interpretation sentence of the results object; nothing is recomputed here.
 */
import { modelReading } from '../../../core/estimate/model-common.ts';
import { useEffect, useMemo } from 'preact/hooks';
import { confint } from '../../../core/estimate/confint.ts';
import { stars } from '../../../core/stats/stars.ts';
import type { EstimateModelResult } from '../../../core/estimate/run.ts';
import { scoreVariables } from '../../../core/estimate/score-columns.ts';
import { PALETTE } from '../../report/charts.ts';
import { nodeName } from '../../report/hierarchy.ts';
import { runEstimateModel, setEstimateDraft } from '../actions.ts';
import type { EstimateRequest } from '../estimate-session.ts';
import { fmt, useT } from '../hooks.ts';
import type { Key } from '../i18n.ts';
import { useStore } from '../store.ts';
import { Chart } from '../components/Chart.tsx';
import { Checks } from '../components/Checks.tsx';
import { ReportSections } from '../components/ReportSections.tsx';
import { estimateReportParts } from '../../report/estimate-report.ts';
import { DescribeTables } from '../components/DescribeTables.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { Select } from '../components/Select.tsx';
import { DesignOutput, DidOptions, hasDesignOutput, SpatialOptions } from '../components/EstimateDesign.tsx';
import { isDidType, isSpatialType, missingDesign, requestOf } from '../estimate-request.ts';
import { ThreeLineTable } from '../components/ThreeLineTable.tsx';

type ModelType = EstimateRequest['type'];
type FeChoice = 'both' | 'unit' | 'time' | 'none';
type SeChoice = NonNullable<EstimateRequest['se']>;

const TYPE_KEYS: Record<ModelType, Key> = {
  fe: 'typeFe',
  mediation: 'typeMediation',
  moderation: 'typeModeration',
  iv: 'typeIv',
  threshold: 'typeThreshold',
  did: 'typeDid',
  'event-study': 'typeEventStudy',
  sdm: 'typeSdm',
  sar: 'typeSar',
  sem: 'typeSem',
};
/** Types this view builds: every type of `xinzhi estimate`. */
const VIEW_TYPES: ModelType[] = [
  'fe',
  'mediation',
  'moderation',
  'iv',
  'threshold',
  'did',
  'event-study',
  'sdm',
  'sar',
  'sem',
];
const SE_KEYS: Array<[SeChoice, Key]> = [
  ['stata', 'seStata'],
  ['plm', 'sePlm'],
  ['lsdv', 'seLsdv'],
  ['hc1', 'seHc1'],
  ['iid', 'seIid'],
];
const FE_OF: Record<FeChoice, string[]> = { both: ['unit', 'time'], unit: ['unit'], time: ['time'], none: [] };

/** What the draft still lacks before it can run (a message key), or undefined. */
function missing(d: EstimateRequest): Key | undefined {
  if (isDidType(d.type) || isSpatialType(d.type)) return missingDesign(d);
  if (!d.x.length) return 'chooseX';
  if (d.type === 'mediation' && !d.m) return 'chooseM';
  if (d.type === 'moderation' && !d.z) return 'chooseZ';
  if (d.type === 'iv' && (!d.endog?.length || !d.instruments?.length)) return 'chooseIv';
  if (d.type === 'threshold' && !d.q) return 'chooseQ';
  return undefined;
}

export function EstimateView() {
  const s = useStore();
  const { t, lang } = useT();
  const r = s.result;
  const dataCols = s.inspection?.indicators ?? [];
  const scoreCols = useMemo(() => {
    if (!r) return [];
    // the same score variables the session joins (core scoreVariables)
    return scoreVariables(r).map((v) => ({
      value: v.column,
      label: `${nodeName(r, v.node)[lang]} (${t('scoreVars')})`,
    }));
  }, [r, lang]);
  const variables = [...scoreCols, ...dataCols.map((c) => ({ value: c, label: c }))];
  const draft: EstimateRequest = s.estimateDraft ?? {
    type: 'fe',
    y: scoreCols[0]?.value ?? dataCols[0] ?? '',
    x: [],
    controls: [],
    fe: ['unit', 'time'],
    cluster: 'unit',
    se: 'stata',
  };
  const set = (patch: Partial<EstimateRequest>) => setEstimateDraft({ ...draft, ...patch });
  const lack = missing(draft);
  const resultKey = r ? `${r.record.dataFingerprint}|${JSON.stringify(r.record.spec)}` : 'no-result';
  const req = requestOf(draft);
  // spatial models run again once the boundaries arrive or another edge list is uploaded
  const weightsKey = isSpatialType(draft.type)
    ? `|${s.geojson ? 'geo' : 'no-geo'}|${s.weightsFile ? `${s.weightsFile.name}:${s.weightsFile.edges}` : ''}`
    : '';
  const key = `${JSON.stringify(req)}|${resultKey}${weightsKey}`;
  useEffect(() => {
    if (!lack && s.data && s.estimate?.key !== key) void runEstimateModel(req, key);
  }, [key, lack, s.data]);
  const current = s.estimate?.key === key ? s.estimate : undefined;
  const feChoice: FeChoice =
    (Object.entries(FE_OF).find(([, v]) => JSON.stringify(v) === JSON.stringify(draft.fe ?? ['unit', 'time']))?.[0] as
      | FeChoice
      | undefined) ?? 'both';
  const others = variables.filter((v) => v.value !== draft.y);
  const did = isDidType(draft.type);
  const spatial = isSpatialType(draft.type);
  const cs = draft.type === 'did' && draft.estimator === 'cs';
  // the treatment columns of a DID draft are not offered as controls
  const treatment = [draft.treat, draft.post, draft.cohort].filter((c): c is string => Boolean(c));
  const label = (c: string) => variables.find((v) => v.value === c)?.label ?? c;

  return (
    <section aria-labelledby="h-estimate">
      <h1 id="h-estimate">{t('estimateTitle')}</h1>
      <p class="intro">{t('estimateIntro')}</p>
      {!s.data ? (
        <p>{t('noResult')}</p>
      ) : (
        <>
          <div class="card">
            <div class="row wrap">
              <Select
                label={t('modelType')}
                value={draft.type}
                options={VIEW_TYPES.map((k) => ({ value: k, label: t(TYPE_KEYS[k]) }))}
                onChange={(type) => set({ type })}
                testId="est-type"
              />
              <Select
                label={t('outcomeY')}
                value={draft.y}
                options={variables}
                onChange={(y) => set({ y, x: draft.x.filter((x) => x !== y) })}
                testId="est-y"
              />
              {!cs && (
                <Select
                  label={t('fixedEffects')}
                  value={feChoice}
                  options={[
                    { value: 'both', label: t('feTwoWay') },
                    { value: 'unit', label: t('feUnit') },
                    { value: 'time', label: t('feTime') },
                    ...(spatial ? [] : [{ value: 'none' as const, label: t('feNone') }]),
                  ]}
                  onChange={(v: FeChoice) => set({ fe: FE_OF[v] })}
                  testId="est-fe"
                />
              )}
              {!cs && !spatial && (
                <Select
                  label={t('seChoice')}
                  value={draft.se ?? 'stata'}
                  options={SE_KEYS.map(([v, k]) => ({ value: v, label: t(k) }))}
                  onChange={(se) => set({ se, cluster: se === 'iid' || se === 'hc1' ? null : 'unit' })}
                  testId="est-se"
                />
              )}
              {draft.type === 'mediation' && (
                <Select
                  label={t('mediatorM')}
                  value={draft.m ?? ''}
                  options={[{ value: '', label: '—' }, ...others]}
                  onChange={(m) => set(m ? { m } : { m: undefined })}
                  testId="est-m"
                />
              )}
              {draft.type === 'threshold' && (
                <>
                  <Select
                    label={t('thresholdQ')}
                    value={draft.q ?? ''}
                    options={[{ value: '', label: '—' }, ...others]}
                    onChange={(q) => set(q ? { q } : { q: undefined })}
                    testId="est-q"
                  />
                  <Select
                    label={t('thresholdCount')}
                    value={String(draft.thresholds ?? 1)}
                    options={['1', '2', '3'].map((v) => ({ value: v, label: v }))}
                    onChange={(v) => set({ thresholds: Number(v) })}
                    testId="est-thresholds"
                  />
                </>
              )}
              {draft.type === 'moderation' && (
                <Select
                  label={t('moderatorZ')}
                  value={draft.z ?? ''}
                  options={[{ value: '', label: '—' }, ...others]}
                  onChange={(z) => set(z ? { z } : { z: undefined })}
                  testId="est-z"
                />
              )}
            </div>
            {did && (
              <DidOptions
                draft={draft}
                set={set}
                columns={dataCols.filter((c) => c !== draft.y).map((c) => ({ value: c, label: c }))}
              />
            )}
            {spatial && <SpatialOptions draft={draft} set={set} />}
            {!did && (
              <Checks
                legend={t('regressorsX')}
                options={others}
                value={draft.x}
                onChange={(x) => set({ x })}
                testId="est-x"
              />
            )}
            <Checks
              legend={t('controlsW')}
              options={others.filter((o) => !draft.x.includes(o.value) && !(did && treatment.includes(o.value)))}
              value={draft.controls ?? []}
              onChange={(controls) => set({ controls })}
              testId="est-controls"
            />
            {draft.type === 'iv' && (
              <>
                <Checks
                  legend={t('endogenous')}
                  options={others.filter((o) => draft.x.includes(o.value))}
                  value={draft.endog ?? []}
                  onChange={(endog) => set({ endog })}
                  testId="est-endog"
                />
                <Checks
                  legend={t('instrumentsIv')}
                  options={others.filter((o) => !draft.x.includes(o.value))}
                  value={draft.instruments ?? []}
                  onChange={(instruments) => set({ instruments })}
                  testId="est-instruments"
                />
              </>
            )}
          </div>
          {lack ? (
            <p class="muted" data-testid="est-missing">
              {t(lack)}
            </p>
          ) : !current || (!current.out && !current.problems) ? (
            <p class="muted">{t('computing')}</p>
          ) : current.problems ? (
            <ProblemList problems={current.problems} />
          ) : (
            <>
              {current.out?.result.models.map((m) => (
                <ModelOutput key={m.name} model={m} label={label} />
              ))}
              {current.out?.result.models.some(hasDesignOutput) && <DesignOutput result={current.out.result} />}
              {current.out?.result.models.some((m) => m.type === 'threshold') && (
                // thresholds, LR intervals, bootstrap F tests and regimes: the report's own tables of the model
                <ReportSections
                  sections={estimateReportParts(current.out.result, lang).sections.filter((x) =>
                    x.id.startsWith('est-model-'),
                  )}
                  lang={lang}
                />
              )}
              {current.out && <DescribeTables result={current.out.describe} label={label} />}
            </>
          )}
        </>
      )}
    </section>
  );
}

function ModelOutput(props: { model: EstimateModelResult; label: (c: string) => string }) {
  const { t, lang } = useT();
  const m = props.model;
  const df = 'df' in m && typeof m.df === 'number' ? m.df : Number.POSITIVE_INFINITY;
  // spatial models report z (normal intervals) and add ρ / λ, as their column of the regression table
  const coefficients: Record<string, { estimate: number; se: number; p: number; t?: number; z?: number }> = {
    ...m.coefficients,
    ...(isSpatialType(m.type) && 'rho' in m && m.rho ? { ρ: m.rho } : {}),
    ...(isSpatialType(m.type) && 'lambda' in m && m.lambda ? { λ: m.lambda } : {}),
  };
  const rows = Object.entries(coefficients).map(([term, c]) => {
    const stat = c.t ?? c.z ?? Number.NaN;
    const [lo, hi] = confint({ estimate: c.estimate, se: c.se }, df);
    return { term, estimate: c.estimate, se: c.se, p: c.p, t: stat, lo, hi };
  });
  const rhs = isDidType(m.type) ? Object.keys(m.coefficients) : m.model.x;
  const caption = `${t(TYPE_KEYS[m.model.type])}: ${props.label(m.y)} ← ${rhs.map(props.label).join(', ')}`;
  return (
    <div class="card" data-testid="est-output">
      <ThreeLineTable
        caption={caption}
        testId="est-table"
        columns={[
          { key: 'term', label: t('term'), value: (x) => props.label(x.term) },
          {
            key: 'estimate',
            label: t('coef'),
            numeric: true,
            value: (x) => x.estimate,
            render: (x) => `${fmt(x.estimate)}${stars(x.p)}`,
          },
          { key: 'se', label: t('stdErr'), numeric: true, value: (x) => x.se, render: (x) => `(${fmt(x.se)})` },
          {
            key: 't',
            label: isSpatialType(m.type) ? 'z' : t('tStat'),
            numeric: true,
            value: (x) => x.t,
            render: (x) => fmt(x.t, 3),
          },
          { key: 'p', label: 'p', numeric: true, value: (x) => x.p, render: (x) => fmt(x.p, 4) },
          {
            key: 'ci',
            label: '95% CI',
            value: (x) => x.lo,
            render: (x) => `[${fmt(x.lo)}, ${fmt(x.hi)}]`,
          },
        ]}
        rows={rows}
      />
      <p class="muted small">
        {t('obsN')} = {m.n}
        {'r2Within' in m && typeof m.r2Within === 'number' ? ` · ${t('r2Within')} = ${fmt(m.r2Within, 4)}` : ''}
        {'clusters' in m && m.clusters ? ` · ${t('clustersG')} = ${m.clusters}` : ''}
        {/* Callaway–Sant'Anna compares cohorts with controls cell by cell: no fixed-effects regression */}
        {m.type === 'did' && m.estimator === 'cs'
          ? ''
          : ` · ${t('fixedEffects')}: ${m.model.fe.join(' + ') || t('feNone')}`}{' '}
        · {t('starsNote')}
      </p>
      {m.type === 'mediation' && m.indirect && (
        <p data-testid="est-indirect">
          {t('indirectEffect')} = {fmt(m.indirect.estimate)} (Sobel z = {fmt(m.indirect.sobel.z, 3)}, p ={' '}
          {fmt(m.indirect.sobel.p, 4)})
          {m.indirect.bootstrap
            ? ` · bootstrap ${m.indirect.bootstrap.draws}: [${fmt(m.indirect.bootstrap.percentile[0])}, ${fmt(m.indirect.bootstrap.percentile[1])}]`
            : ''}
        </p>
      )}
      {m.type === 'moderation' && (
        <p data-testid="est-slopes">
          {t('simpleSlopes')}:{' '}
          {m.slopes.map((sl) => `Z=${fmt(sl.z, 3)}: ${fmt(sl.estimate)}${stars(sl.p)} (${fmt(sl.se)})`).join(' · ')}
        </p>
      )}
      {m.type === 'iv' && (
        <p data-testid="est-first-stage">
          {t('firstStageF')}:{' '}
          {Object.entries(m.firstStageF)
            .map(([k, f]) => `${props.label(k)} ${fmt(f, 2)}`)
            .join(' · ')}
        </p>
      )}
      <p data-testid="est-interpretation">{modelReading(m)[lang]}</p>
      <Chart
        label={t('coefPlot')}
        file="coefficients"
        height={Math.max(180, 50 + rows.length * 36)}
        option={{
          color: PALETTE,
          title: { text: t('coefPlot'), left: 'center', textStyle: { fontSize: 14 } },
          grid: { left: 160, right: 40, top: 40, bottom: 30 },
          xAxis: { type: 'value', scale: true },
          yAxis: { type: 'category', data: rows.map((x) => props.label(x.term)), inverse: true },
          series: [
            {
              type: 'custom',
              renderItem: (_p: unknown, api: CustomApi) => {
                const lo = api.coord([api.value(1), api.value(0)]);
                const hi = api.coord([api.value(2), api.value(0)]);
                return {
                  type: 'line',
                  shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] },
                  style: { stroke: PALETTE[0], lineWidth: 2 },
                };
              },
              encode: { x: [1, 2], y: 0 },
              data: rows.map((x, i) => [i, x.lo, x.hi]),
            },
            { type: 'scatter', symbolSize: 9, data: rows.map((x, i) => [x.estimate, i]) },
          ],
        }}
      />
    </div>
  );
}

interface CustomApi {
  value: (dim: number) => number;
  coord: (v: [number, number]) => [number, number];
}
