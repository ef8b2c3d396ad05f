/**
 * Configurations (fsQCA, crisp or multi-value QCA) on an uploaded table of set
 * memberships: pick the case column, the outcome and the conditions, the
 * truth-table cut-offs and directional expectations; the worker runs the
 * core's necessity, truth table and minimisation (web/qca-session.ts) and the
 * page shows the sections of the QCA report (report/qca-html.ts: truth table,
 * solutions, ● / ⊗ configurations, XY plot) with HTML and Word downloads.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { qcaReportDocx, qcaReportHtml, qcaSections } from '../../report/qca-html.ts';
import { runQca, setQcaDraft } from '../actions.ts';
import { downloadBlob } from '../download.ts';
import { useT } from '../hooks.ts';
import type { QcaRequest } from '../qca-session.ts';
import { useStore } from '../store.ts';
import { Checks } from '../components/Checks.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { ReportSections } from '../components/ReportSections.tsx';
import { Select } from '../components/Select.tsx';

function NumberField(props: { id: string; label: string; value: number; step: number; onChange: (v: number) => void }) {
  return (
    <span class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        max={props.step === 1 ? undefined : 1}
        step={props.step}
        value={props.value}
        data-testid={props.id}
        onChange={(e) => {
          const x = Number((e.currentTarget as HTMLInputElement).value);
          if (Number.isFinite(x) && x >= 0) props.onChange(x);
        }}
      />
    </span>
  );
}

export function QcaView() {
  const s = useStore();
  const { t, lang } = useT();
  const draft = s.qcaDraft;
  const set = (patch: Partial<QcaRequest>) => draft && setQcaDraft({ ...draft, ...patch });
  const key = draft ? JSON.stringify({ ...draft, data: `${draft.data.name}:${draft.data.bytes.length}` }) : '';
  useEffect(() => {
    if (draft && s.qca?.key !== key) void runQca(draft, key);
  }, [key]);
  const current = draft && s.qca?.key === key ? s.qca : undefined;
  const out = current?.out;
  const sections = useMemo(
    () =>
      out?.truthTable
        ? qcaSections({
            lang,
            truthTable: out.truthTable,
            ...(out.necessity ? { necessity: out.necessity } : {}),
            ...(out.minimize ? { minimize: out.minimize } : {}),
            ...(out.configurations ? { configurations: out.configurations } : {}),
            ...(out.xy ? { xy: out.xy } : {}),
          })
        : [],
    [out, lang],
  );
  const onUpload = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    setQcaDraft({
      data: { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) },
      inclCut: 0.8,
      nCut: 1,
      priCut: 0,
    });
  };
  const header = out?.table.header ?? [];
  const caseCol = draft?.caseColumn ?? (header.includes('case') ? 'case' : '');
  const columns = header.filter((h) => h !== caseCol);
  const download = async (kind: 'html' | 'docx') => {
    if (!out?.truthTable) return;
    const input = {
      lang,
      truthTable: out.truthTable,
      ...(out.necessity ? { necessity: out.necessity } : {}),
      ...(out.minimize ? { minimize: out.minimize } : {}),
      ...(out.configurations ? { configurations: out.configurations } : {}),
      ...(out.xy ? { xy: out.xy } : {}),
    };
    if (kind === 'html')
      return downloadBlob(new Blob([qcaReportHtml(input)], { type: 'text/html;charset=utf-8' }), 'qca.html');
    const { rasterizeInBrowser } = await import('../rasterize.ts');
    downloadBlob(
      new Blob([(await qcaReportDocx(input, rasterizeInBrowser)) as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      'qca.docx',
    );
  };

  return (
    <section aria-labelledby="h-qca">
      <h1 id="h-qca">{t('qcaTitle')}</h1>
      <p class="intro">{t('qcaIntro')}</p>
      <div class="card">
        <div class="row wrap">
          <label class="file-label">
            <span class="button-like">{t('qcaUpload')}</span>
            <input
              type="file"
              class="sr-only"
              accept=".csv,.tsv,.txt,.xlsx,.json"
              data-testid="qca-upload"
              onChange={onUpload}
            />
          </label>
          {draft && <strong data-testid="qca-data">{draft.data.name}</strong>}
        </div>
        {draft && out && (
          <>
            <div class="row wrap">
              <Select
                label={t('qcaCase')}
                value={caseCol}
                options={[{ value: '', label: '—' }, ...header.map((h) => ({ value: h, label: h }))]}
                onChange={(caseColumn) => set({ caseColumn: caseColumn || undefined })}
                testId="qca-case"
              />
              <Select
                label={t('qcaOutcome')}
                value={draft.outcome ?? ''}
                options={[
                  { value: '', label: '—' },
                  ...columns.flatMap((h) => [
                    { value: h, label: h },
                    { value: `~${h}`, label: `~${h}` },
                  ]),
                ]}
                onChange={(outcome) =>
                  set({
                    outcome: outcome || undefined,
                    conditions: (draft.conditions ?? []).filter((c) => c !== outcome.replace(/^~/, '')),
                  })
                }
                testId="qca-outcome"
              />
              <NumberField
                id="qca-incl"
                label={t('qcaInclCut')}
                value={draft.inclCut ?? 0.8}
                step={0.01}
                onChange={(inclCut) => set({ inclCut })}
              />
              <NumberField
                id="qca-n"
                label={t('qcaNCut')}
                value={draft.nCut ?? 1}
                step={1}
                onChange={(nCut) => set({ nCut })}
              />
              <NumberField
                id="qca-pri"
                label={t('qcaPriCut')}
                value={draft.priCut ?? 0}
                step={0.01}
                onChange={(priCut) => set({ priCut })}
              />
              <span class="field">
                <label for="qca-dir">{t('qcaDirExp')}</label>
                <input
                  id="qca-dir"
                  type="text"
                  value={draft.dirExp ?? ''}
                  placeholder="A, B, ~C"
                  data-testid="qca-dir"
                  onChange={(e) => set({ dirExp: (e.currentTarget as HTMLInputElement).value || undefined })}
                />
              </span>
            </div>
            <Checks
              legend={t('qcaConditions')}
              options={columns
                .filter((c) => c !== (draft.outcome ?? '').replace(/^~/, ''))
                .map((c) => ({ value: c, label: c }))}
              value={draft.conditions ?? []}
              onChange={(conditions) => set({ conditions })}
              testId="qca-conditions"
            />
          </>
        )}
      </div>
      {!draft ? (
        <p class="muted">{t('qcaNoData')}</p>
      ) : current?.problems ? (
        <ProblemList problems={current.problems} />
      ) : !out ? (
        <p class="muted">{t('computing')}</p>
      ) : !out.truthTable ? (
        <p class="muted" data-testid="qca-missing">
          {t('qcaChoose')}
        </p>
      ) : (
        <div data-testid="qca-output">
          {out.warnings.length > 0 && <ProblemList problems={out.warnings} />}
          {out.noSolution && <ProblemList problems={out.noSolution} />}
          <div class="row wrap">
            <span>{t('tfpDownloads')}:</span>
            <button type="button" data-testid="qca-html" onClick={() => void download('html')}>
              HTML
            </button>
            <button type="button" data-testid="qca-docx" onClick={() => void download('docx')}>
              Word
            </button>
          </div>
          <ReportSections sections={sections} lang={lang} />
        </div>
      )}
    </section>
  );
}
