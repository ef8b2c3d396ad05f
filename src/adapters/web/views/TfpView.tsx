/**
 * Total factor productivity: DEA efficiency (CCR, BCC, SBM with undesirable
 * outputs and super-efficiency) or productivity indices (Malmquist, ML, GML)
 * on the example provincial GTFP panel or an uploaded panel. The worker runs
 * the core's `runTfp` (web/tfp-session.ts); the page shows the sections of the
 * TFP report (`tfpReportParts`: method, charts, tables, map) and downloads the
 * same CSV, XLSX, Word and HTML files as `xinzhi tfp`.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { DEA_TYPES, INDEX_TYPES, type TfpModelInput } from '../../../core/tfp/model.ts';
import { tfpReportDocx, tfpReportHtml, tfpReportParts } from '../../report/tfp-html.ts';
import { runTfpModel, setTfpDraft } from '../actions.ts';
import { downloadBlob } from '../download.ts';
import { useT } from '../hooks.ts';
import { useStore } from '../store.ts';
import { exampleModel, type TfpRequest } from '../tfp-session.ts';
import { Checks } from '../components/Checks.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { ReportSections } from '../components/ReportSections.tsx';
import { Select } from '../components/Select.tsx';

const TYPES = [...DEA_TYPES, ...INDEX_TYPES];
const TYPE_LABELS: Record<(typeof TYPES)[number], string> = {
  ccr: 'CCR',
  bcc: 'BCC',
  sbm: 'SBM',
  malmquist: 'Malmquist',
  ml: 'Malmquist–Luenberger (ML)',
  gml: 'Global ML (GML)',
};

export function TfpView() {
  const s = useStore();
  const { t, lang } = useT();
  const draft: TfpRequest = s.tfpDraft ?? { data: { kind: 'example' }, model: exampleModel() };
  const m = draft.model;
  const setModel = (patch: Partial<TfpModelInput>) => setTfpDraft({ ...draft, model: { ...m, ...patch } });
  const key = JSON.stringify({ ...draft, data: draft.data.kind === 'upload' ? draft.data.name : 'example' });
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
  const base = (table?.name ?? 'tfp').replace(/\.[^.]+$/, '');

  const onUpload = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    const bytes = new Uint8Array(await f.arrayBuffer());
    setTfpDraft({
      data: { kind: 'upload', name: f.name, bytes },
      model: { type: m.type, unit: '', time: '', inputs: [], outputs: [], undesirable: [] },
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
            <strong data-testid="tfp-data">{draft.data.kind === 'example' ? t('tfpExample') : draft.data.name}</strong>
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
            <button type="button" onClick={() => setTfpDraft({ data: { kind: 'example' }, model: exampleModel() })}>
              {t('tfpExample')}
            </button>
          )}
        </div>
        {table && (
          <>
            <div class="row wrap">
              <Select
                label={t('tfpType')}
                value={m.type}
                options={TYPES.map((x) => ({ value: x, label: TYPE_LABELS[x] }))}
                onChange={(type) => {
                  const { rts: _r, orientation: _o, super: _s, frontier: _f, ...rest } = m;
                  setTfpDraft({ ...draft, model: { ...rest, type } });
                }}
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
              <Select
                label={t('tfpRts')}
                value={m.rts ?? ''}
                options={[
                  { value: '', label: '—' },
                  { value: 'crs', label: 'CRS' },
                  { value: 'vrs', label: 'VRS' },
                ]}
                onChange={(rts) => setModel({ rts: rts || undefined })}
                testId="tfp-rts"
              />
              {(m.type === 'ccr' || m.type === 'bcc') && (
                <Select
                  label={t('tfpOrientation')}
                  value={m.orientation ?? 'input'}
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
                  value={m.frontier ?? 'contemporaneous'}
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
                    checked={m.super ?? false}
                    data-testid="tfp-super"
                    onChange={(e) => setModel({ super: (e.currentTarget as HTMLInputElement).checked })}
                  />{' '}
                  {t('tfpSuper')}
                </label>
              )}
            </div>
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
        )}
      </div>
      {current?.problems ? (
        <ProblemList problems={current.problems} />
      ) : !current?.out ? (
        <p class="muted">{t('computing')}</p>
      ) : !parts || !result ? (
        <p class="muted" data-testid="tfp-missing">
          {t('tfpChoose')}
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
            <span class="muted small">
              {t('tfpSolver')}: {result.solver}
            </span>
          </div>
          <ReportSections sections={parts.sections} lang={lang} />
        </div>
      )}
    </section>
  );
}
