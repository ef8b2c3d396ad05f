/** Export: XLSX, CSV, JSON, spec, standalone HTML report (the report module's writers), and the project file. */
import { useEffect, useState } from 'preact/hooks';
import { Select } from '../components/Select.tsx';
import { useStore, getStore } from '../store.ts';
import { useT } from '../hooks.ts';
import { saveProject, openProjectText } from '../actions.ts';
import { downloadBlob } from '../download.ts';
import { ProblemList } from '../components/ProblemList.tsx';
import type { Bilingual } from '../../../core/i18n.ts';
import { ANALYSIS_NAMES } from '../../../core/analysis/runner.ts';

export function ExportView() {
  const s = useStore();
  const { t, lang } = useT();
  const [busy, setBusy] = useState(false);
  const [withAnalyses, setWithAnalyses] = useState(false);
  const [section, setSection] = useState('all');
  const r = s.result;
  const base = (s.data?.name ?? 'xinzhi').replace(/\.[^.]+$/, '');
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };
  const xlsx = () =>
    run(async () => {
      const { workbook } = await import('../../report/xlsx.ts');
      // with the analysis sections asked for the reports, each analysis also gets a sheet
      const a = await import('../../report/analysis-sections.ts');
      const ids = new Set<string>([...a.ALL_ANALYSES, a.SKIPPED_SECTION_ID]);
      const sections = withAnalyses ? (await parts()).sections.filter((x) => ids.has(x.id)) : undefined;
      const bytes = await workbook(r!, { lang, ...(sections ? { sections } : {}) });
      downloadBlob(
        new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        `${base}-results.xlsx`,
      );
    });
  const csv = (which: 'scores' | 'weights') =>
    run(async () => {
      const m = await import('../../report/csv.ts');
      const text = which === 'scores' ? m.scoresCsv(r!, lang) : m.weightsCsv(r!, lang);
      downloadBlob(
        new Blob([text.startsWith(m.BOM) ? text : m.BOM + text], { type: 'text/csv;charset=utf-8' }),
        `${base}-${which}.csv`,
      );
    });
  const json = (which: 'result' | 'spec') =>
    run(async () => {
      const m = await import('../../report/json.ts');
      downloadBlob(
        new Blob([which === 'result' ? m.resultJson(r!) : m.specJson(r!)], { type: 'application/json' }),
        `${base}-${which === 'result' ? 'results' : 'spec'}.json`,
      );
    });
  /** The report's title and sections, with the analysis sections when asked (the same as `xinzhi evaluate --analyses all`). */
  const parts = async () => {
    const { reportParts } = await import('../../report/html.ts');
    let sections;
    if (withAnalyses) {
      const a = await import('../../report/analysis-sections.ts');
      sections = a.analysisSections(r!, {
        analyses: a.ALL_ANALYSES,
        lang,
        ...(s.geojson ? { geojson: s.geojson } : {}),
      }).sections;
    }
    return reportParts(r!, { lang, ...(s.geojson ? { geojson: s.geojson } : {}), ...(sections ? { sections } : {}) });
  };
  const html = () =>
    run(async () => {
      const { reportDocument } = await import('../../report/html.ts');
      const text = reportDocument({ lang, ...(await parts()) });
      downloadBlob(new Blob([text], { type: 'text/html;charset=utf-8' }), `${base}-report.html`);
    });
  /** The Word report: every section, or the one chosen (`section`). */
  const word = () =>
    run(async () => {
      const [{ reportDocx }, { rasterizeInBrowser }] = await Promise.all([
        import('../../report/docx.ts'),
        import('../rasterize.ts'),
      ]);
      const p = await parts();
      const chosen = section === 'all' ? p.sections : p.sections.filter((x) => x.id === section);
      const bytes = await reportDocx(chosen, { ...p, lang, rasterize: rasterizeInBrowser });
      downloadBlob(
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
        `${base}-report${section === 'all' ? '' : `-${section}`}.docx`,
      );
    });
  // the sections to offer for the one-section Word export: the measurement sections of the result (built once
  // per result, without running any analysis), then the analysis sections by name when they are included
  const [measured, setMeasured] = useState<Array<{ id: string; title: Bilingual }>>([]);
  useEffect(() => {
    if (!r) return;
    let live = true;
    void import('../../report/html.ts').then(({ reportParts }) => {
      if (live) setMeasured(reportParts(r, { lang }).sections.map((x) => ({ id: x.id, title: x.title })));
    });
    return () => {
      live = false;
    };
  }, [r]);
  const sectionList = [
    ...measured.map((x) => ({ id: x.id, title: x.title[lang] })),
    ...(withAnalyses ? ANALYSIS_NAMES.map((id) => ({ id, title: t(id) })) : []),
  ];
  const open = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (f) await openProjectText(await f.text());
  };
  return (
    <section aria-labelledby="h-export">
      <h1 id="h-export">{t('exportTitle')}</h1>
      <p class="intro">{t('exportIntro')}</p>
      {r ? (
        <div class="export-grid" aria-busy={busy}>
          <button type="button" class="primary" onClick={xlsx} data-testid="export-xlsx">
            {t('exportXlsx')}
          </button>
          <button type="button" onClick={() => csv('scores')} data-testid="export-csv-scores">
            {t('exportCsvScores')}
          </button>
          <button type="button" onClick={() => csv('weights')} data-testid="export-csv-weights">
            {t('exportCsvWeights')}
          </button>
          <button type="button" onClick={() => json('result')} data-testid="export-json">
            {t('exportJson')}
          </button>
          <button type="button" onClick={() => json('spec')} data-testid="export-spec">
            {t('exportSpec')}
          </button>
          <button type="button" onClick={html} data-testid="export-html">
            {t('exportHtml')}
          </button>
          <button type="button" onClick={word} data-testid="export-docx">
            {t('exportDocx')}
          </button>
          <Select
            label={t('docxSection')}
            value={section}
            options={[
              { value: 'all', label: t('docxAllSections') },
              ...sectionList.map((x) => ({ value: x.id, label: x.title })),
            ]}
            onChange={setSection}
            testId="docx-section"
          />
          <label class="row">
            <input
              type="checkbox"
              checked={withAnalyses}
              onChange={(e) => setWithAnalyses((e.currentTarget as HTMLInputElement).checked)}
              data-testid="export-html-analyses"
            />
            {lang === 'zh'
              ? 'HTML 与 Word 报告包含全部分析章节（耦合协调、障碍度、基尼、泰尔、核密度、Moran、LISA、马尔可夫、收敛）'
              : 'Include all analysis sections in the HTML and Word reports (coupling, obstacles, Gini, Theil, kernel density, Moran, LISA, Markov, convergence)'}
          </label>
        </div>
      ) : (
        <p>{t('noResult')}</p>
      )}
      <p class="muted">{t('chartsExportNote')}</p>
      <h2>{lang === 'zh' ? '项目文件' : 'Project file'}</h2>
      <div class="row wrap">
        <button type="button" onClick={saveProject} disabled={!s.data} data-testid="save-project">
          {t('saveProject')}
        </button>
        <label class="file-label">
          <span class="button-like">{t('openProject')}</span>
          <input
            type="file"
            class="sr-only"
            accept=".json"
            aria-label={t('openProject')}
            onChange={open}
            data-testid="open-project"
          />
        </label>
      </div>
      {s.notice === 'projectOpened' && (
        <p role="status" data-testid="project-opened">
          {t('projectOpened')}{' '}
          <button type="button" class="link" onClick={() => getStore().set({ notice: undefined })}>
            {t('close')}
          </button>
        </p>
      )}
      {s.loadProblems?.length ? <ProblemList problems={s.loadProblems} testId="load-problems" /> : null}
    </section>
  );
}
