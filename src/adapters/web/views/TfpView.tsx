/**
 * Total factor productivity: DEA efficiency (CCR, BCC, SBM with undesirable
 * outputs and super-efficiency), productivity indices (Malmquist, ML, GML)
 * or a firm production function (OLS, FE, Olley–Pakes, Levinsohn–Petrin,
 * Ackerberg–Caves–Frazer, with the OP exit correction) on an example panel
 * (provincial GTFP; synthetic firms) or an uploaded panel. The worker runs the
 * core's `runTfp` / `runFirm` (web/tfp-session.ts); the page shows the
 * sections of the TFP report (`tfpReportParts`: method, charts, tables, map,
 * coefficients) and downloads the same CSV, XLSX, Word and HTML files as
 * `xinzhi tfp`.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { FIRM_ESTIMATORS } from '../../../core/tfp/firm/estimators.ts';
import { isFirmType, needsProxy, takesExit } from '../../../core/tfp/firm/model.ts';
import { DEA_TYPES, INDEX_TYPES, type TfpModelInput } from '../../../core/tfp/model.ts';
import { tfpReportDocx, tfpReportHtml, tfpReportParts } from '../../report/tfp-html.ts';
import { runTfpModel, setTfpDraft } from '../actions.ts';
import { downloadBlob } from '../download.ts';
import { useT } from '../hooks.ts';
import { useStore } from '../store.ts';
import { exampleModel, firmExampleModel, isFirmModel, type FirmDraft, type TfpRequest } from '../tfp-session.ts';
import { Checks } from '../components/Checks.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { ReportSections } from '../components/ReportSections.tsx';
import { Select } from '../components/Select.tsx';

const TYPES = [...DEA_TYPES, ...INDEX_TYPES, ...FIRM_ESTIMATORS];
const TYPE_LABELS: Record<(typeof TYPES)[number], string> = {
  ccr: 'CCR',
  bcc: 'BCC',
  sbm: 'SBM',
  malmquist: 'Malmquist',
  ml: 'Malmquist–Luenberger (ML)',
  gml: 'Global ML (GML)',
  ols: 'OLS',
  fe: 'FE (within)',
  op: 'Olley–Pakes (OP)',
  lp: 'Levinsohn–Petrin (LP)',
  acf: 'Ackerberg–Caves–Frazer (ACF)',
};

/**
 * The model after the estimator is changed to `type`: within a family the
 * columns stay (but the proxy when it changes meaning: ln investment for OP,
 * ln intermediate inputs for LP and ACF; on the firm example the example's);
 * across families (DEA / index ↔ firm) an example panel gives way to the
 * other example with its model, an upload keeps its unit and time columns.
 */
function switchType(draft: TfpRequest, type: (typeof TYPES)[number]): TfpRequest {
  const m = draft.model;
  if (isFirmType(type)) {
    if (isFirmModel(m)) {
      const { proxy: old, exit, survival, bootstrap, ...rest } = m;
      const sameProxy = (type === 'op') === (m.type === 'op');
      const proxy = draft.data.kind === 'firm-example' ? firmExampleModel(type).proxy : sameProxy ? old : undefined;
      return {
        ...draft,
        model: {
          ...rest,
          type,
          ...(needsProxy(type) && proxy ? { proxy } : {}),
          ...(needsProxy(type) && bootstrap !== undefined ? { bootstrap } : {}),
          ...(takesExit(type) && exit ? { exit, ...(survival ? { survival } : {}) } : {}),
        },
      };
    }
    if (draft.data.kind !== 'upload') return { data: { kind: 'firm-example' }, model: firmExampleModel(type) };
    return { ...draft, model: { type, unit: m.unit, time: m.time, output: '', free: [], state: [] } };
  }
  if (isFirmModel(m)) {
    if (draft.data.kind !== 'upload') return { data: { kind: 'example' }, model: { ...exampleModel(), type } };
    return { ...draft, model: { type, unit: m.unit, time: m.time, inputs: [], outputs: [], undesirable: [] } };
  }
  const { rts: _r, orientation: _o, super: _s, frontier: _f, ...rest } = m;
  return { ...draft, model: { ...rest, type } };
}

export function TfpView() {
  const s = useStore();
  const { t, lang } = useT();
  const draft: TfpRequest = s.tfpDraft ?? { data: { kind: 'example' }, model: exampleModel() };
  const m = draft.model;
  const setModel = (patch: Partial<TfpModelInput> | Partial<FirmDraft>) =>
    setTfpDraft({ ...draft, model: { ...m, ...patch } as TfpRequest['model'] });
  const key = JSON.stringify({ ...draft, data: draft.data.kind === 'upload' ? draft.data.name : draft.data.kind });
  useEffect(() => {
    if (s.tfp?.key !== key) void runTfpModel(draft, key);
  }, [key]);
  const current = s.tfp?.key === key ? s.tfp : undefined;
  const table = current?.out?.table;
  const result = current?.out?.result ?? null;
  const parts = useMemo(
    () => (result ? tfpReportParts(result, lang, s.geojson ? { geojson: s.geojson } : {}) : null),
    [result, lang, s.geojson],
  );
  const columns = table?.numeric.filter((c) => c !== m.unit && c !== m.time) ?? [];
  const dea = (DEA_TYPES as readonly string[]).includes(m.type);
  const firm = isFirmModel(m);
  const exampleData = (): TfpRequest =>
    firm
      ? { data: { kind: 'firm-example' }, model: firmExampleModel(m.type) }
      : { data: { kind: 'example' }, model: exampleModel() };
  const base = (table?.name ?? 'tfp').replace(/\.[^.]+$/, '');

  const onUpload = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    setTfpDraft({
      data: { kind: 'upload', name: f.name, bytes },
      model: firm
        ? { type: m.type, unit: '', time: '', output: '', free: [], state: [] }
        : { type: m.type, unit: '', time: '', inputs: [], outputs: [], undesirable: [] },
    });
  };
  const download = async (kind: 'csv' | 'xlsx' | 'docx' | 'html') => {
    if (!result) return;
    const geo = s.geojson ? { geojson: s.geojson } : {};
    if (kind === 'csv') {
      const { tfpCsv } = await import('../../report/tfp-csv.ts');
      downloadBlob(new Blob([tfpCsv(result)], { type: 'text/csv;charset=utf-8' }), `${base}-tfp.csv`);
    } else if (kind === 'xlsx') {
      const { tfpWorkbook } = await import('../../report/tfp-xlsx.ts');
      const bytes = await tfpWorkbook(result, lang);
      downloadBlob(
        new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        `${base}-tfp.xlsx`,
      );
    } else if (kind === 'docx') {
      const { rasterizeInBrowser } = await import('../rasterize.ts');
      const bytes = await tfpReportDocx(result, lang, rasterizeInBrowser, geo);
      downloadBlob(
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
        `${base}-tfp.docx`,
      );
    } else {
      downloadBlob(
        new Blob([tfpReportHtml(result, lang, geo)], { type: 'text/html;charset=utf-8' }),
        `${base}-tfp.html`,
      );
    }
  };

  return (
    <section aria-labelledby="h-tfp">
      <h1 id="h-tfp">{t('tfpTitle')}</h1>
      <p class="intro">{t('tfpIntro')}</p>
      <div class="card">
        <div class="row wrap">
          <span class="field">
            <span>{t('tfpData')}: </span>
            <strong data-testid="tfp-data">
              {draft.data.kind === 'example'
                ? t('tfpExample')
                : draft.data.kind === 'firm-example'
                  ? t('tfpFirmExample')
                  : draft.data.name}
            </strong>
          </span>
          <label class="file-label">
            <span class="button-like">{t('tfpUpload')}</span>
            <input
              type="file"
              class="sr-only"
              accept=".csv,.tsv,.txt,.xlsx,.json"
              data-testid="tfp-upload"
              onChange={onUpload}
            />
          </label>
          {draft.data.kind === 'upload' && (
            <button type="button" onClick={() => setTfpDraft(exampleData())}>
              {firm ? t('tfpFirmExample') : t('tfpExample')}
            </button>
          )}
        </div>
        {table && (
          <>
            <div class="row wrap">
              <Select
                label={t('tfpType')}
                value={m.type as (typeof TYPES)[number]}
                options={TYPES.map((x) => ({ value: x, label: TYPE_LABELS[x] }))}
                onChange={(type) => setTfpDraft(switchType(draft, type))}
                testId="tfp-type"
              />
              <Select
                label={t('tfpUnit')}
                value={m.unit}
                options={[{ value: '', label: '—' }, ...table.header.map((h) => ({ value: h, label: h }))]}
                onChange={(unit) => setModel({ unit })}
                testId="tfp-unit"
              />
              <Select
                label={t('tfpTime')}
                value={m.time}
                options={[{ value: '', label: '—' }, ...table.header.map((h) => ({ value: h, label: h }))]}
                onChange={(time) => setModel({ time })}
                testId="tfp-time"
              />
              {!firm && (
                <Select
                  label={t('tfpRts')}
                  value={(m as TfpModelInput).rts ?? ''}
                  options={[
                    { value: '', label: '—' },
                    { value: 'crs', label: 'CRS' },
                    { value: 'vrs', label: 'VRS' },
                  ]}
                  onChange={(rts) => setModel({ rts: rts || undefined })}
                  testId="tfp-rts"
                />
              )}
              {(m.type === 'ccr' || m.type === 'bcc') && (
                <Select
                  label={t('tfpOrientation')}
                  value={(m as TfpModelInput).orientation ?? 'input'}
                  options={[
                    { value: 'input', label: lang === 'zh' ? '投入导向' : 'input' },
                    { value: 'output', label: lang === 'zh' ? '产出导向' : 'output' },
                  ]}
                  onChange={(orientation) => setModel({ orientation })}
                  testId="tfp-orientation"
                />
              )}
              {(m.type === 'malmquist' || m.type === 'ml') && (
                <Select
                  label={t('tfpFrontier')}
                  value={(m as TfpModelInput).frontier ?? 'contemporaneous'}
                  options={[
                    { value: 'contemporaneous', label: lang === 'zh' ? '当期' : 'contemporaneous' },
                    { value: 'sequential', label: lang === 'zh' ? '序列' : 'sequential' },
                  ]}
                  onChange={(frontier) => setModel({ frontier })}
                  testId="tfp-frontier"
                />
              )}
              {dea && (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={(m as TfpModelInput).super ?? false}
                    data-testid="tfp-super"
                    onChange={(e) => setModel({ super: (e.currentTarget as HTMLInputElement).checked })}
                  />{' '}
                  {t('tfpSuper')}
                </label>
              )}
            </div>
            {firm ? (
              <FirmControls model={m} columns={columns} setModel={setModel} />
            ) : (
              <DeaChecks model={m} columns={columns} setModel={setModel} />
            )}
          </>
        )}
      </div>
      {current?.problems ? (
        <ProblemList problems={current.problems} />
      ) : !current?.out ? (
        <p class="muted">{t('computing')}</p>
      ) : !parts || !result ? (
        <p class="muted" data-testid="tfp-missing">
          {firm ? t('tfpChooseFirm') : t('tfpChoose')}
        </p>
      ) : (
        <div data-testid="tfp-output">
          <div class="row wrap">
            <span>{t('tfpDownloads')}:</span>
            <button type="button" data-testid="tfp-csv" onClick={() => void download('csv')}>
              CSV
            </button>
            <button type="button" data-testid="tfp-xlsx" onClick={() => void download('xlsx')}>
              XLSX
            </button>
            <button type="button" data-testid="tfp-docx" onClick={() => void download('docx')}>
              Word
            </button>
            <button type="button" data-testid="tfp-html" onClick={() => void download('html')}>
              HTML
            </button>
            {'solver' in result && (
              <span class="muted small">
                {t('tfpSolver')}: {result.solver}
              </span>
            )}
          </div>
          <ReportSections sections={parts.sections} lang={lang} />
        </div>
      )}
    </section>
  );
}

/** Inputs, desirable and undesirable outputs of a DEA / index model. */
function DeaChecks(props: {
  model: TfpModelInput;
  columns: string[];
  setModel: (patch: Partial<TfpModelInput>) => void;
}) {
  const { t } = useT();
  const { model: m, columns, setModel } = props;
  return (
    <>
      <Checks
        legend={t('tfpInputs')}
        options={columns
          .filter((c) => !m.outputs.includes(c) && !(m.undesirable ?? []).includes(c))
          .map((c) => ({ value: c, label: c }))}
        value={m.inputs}
        onChange={(inputs) => setModel({ inputs })}
        testId="tfp-inputs"
      />
      <Checks
        legend={t('tfpOutputs')}
        options={columns
          .filter((c) => !m.inputs.includes(c) && !(m.undesirable ?? []).includes(c))
          .map((c) => ({ value: c, label: c }))}
        value={m.outputs}
        onChange={(outputs) => setModel({ outputs })}
        testId="tfp-outputs"
      />
      <Checks
        legend={t('tfpUndesirable')}
        options={columns
          .filter((c) => !m.inputs.includes(c) && !m.outputs.includes(c))
          .map((c) => ({ value: c, label: c }))}
        value={m.undesirable ?? []}
        onChange={(undesirable) => setModel({ undesirable })}
        testId="tfp-undesirable"
      />
    </>
  );
}

/** Output, free and state inputs, proxy, exit correction and bootstrap of a firm estimator. */
function FirmControls(props: { model: FirmDraft; columns: string[]; setModel: (patch: Partial<FirmDraft>) => void }) {
  const { t } = useT();
  const { model: m, columns, setModel } = props;
  const proxied = needsProxy(m.type);
  const none = { value: '', label: '—' };
  return (
    <>
      <div class="row wrap">
        <Select
          label={t('tfpOutput')}
          value={m.output}
          options={[none, ...columns.map((c) => ({ value: c, label: c }))]}
          onChange={(output) => setModel({ output })}
          testId="tfp-output-column"
        />
        {proxied && (
          <Select
            label={m.type === 'op' ? t('tfpProxyInvestment') : t('tfpProxyMaterials')}
            value={m.proxy ?? ''}
            options={[none, ...columns.map((c) => ({ value: c, label: c }))]}
            onChange={(proxy) => setModel({ proxy: proxy || undefined })}
            testId="tfp-proxy"
          />
        )}
        {takesExit(m.type) && (
          <Select
            label={t('tfpExit')}
            value={m.exit ?? ''}
            options={[
              { value: '', label: t('tfpExitNone') },
              { value: 'infer', label: t('tfpExitInfer') },
              ...columns.map((c) => ({ value: c, label: c })),
            ]}
            onChange={(exit) => setModel({ exit: exit || undefined })}
            testId="tfp-exit"
          />
        )}
        {proxied && (
          <span class="field">
            <label for="tfp-bootstrap">{t('tfpBootstrap')}</label>
            <input
              id="tfp-bootstrap"
              type="number"
              min={2}
              step={1}
              value={m.bootstrap ?? 50}
              data-testid="tfp-bootstrap"
              onChange={(e) => {
                const n = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 2) setModel({ bootstrap: n });
              }}
            />
          </span>
        )}
      </div>
      <Checks
        legend={t('tfpFree')}
        options={columns
          .filter((c) => c !== m.output && c !== m.proxy && !m.state.includes(c))
          .map((c) => ({ value: c, label: c }))}
        value={m.free}
        onChange={(free) => setModel({ free })}
        testId="tfp-free"
      />
      <Checks
        legend={t('tfpState')}
        options={columns
          .filter((c) => c !== m.output && c !== m.proxy && !m.free.includes(c))
          .map((c) => ({ value: c, label: c }))}
        value={m.state}
        onChange={(state) => setModel({ state, notInputs: (m.notInputs ?? []).filter((c) => state.includes(c)) })}
        testId="tfp-state"
      />
      {m.state.length > 1 && (
        <Checks
          legend={t('tfpNotInputs')}
          options={m.state.map((c) => ({ value: c, label: c }))}
          value={m.notInputs ?? []}
          onChange={(notInputs) => setModel({ notInputs })}
          testId="tfp-not-inputs"
        />
      )}
    </>
  );
}
