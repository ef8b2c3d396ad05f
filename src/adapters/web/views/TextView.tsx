/**
 * Text index: drop annual reports (PDF, TXT, HTML), choose the counting rule,
 * the part of the report, traditional → simplified conversion, the filters and
 * the dictionary (Wu Fei et al. 2021 by default, or the user's own); the
 * worker reads and counts them as `xinzhi text` does (`text-session.ts`) and
 * the page shows one row per report, the counts per group and per term, and
 * every hit of a clicked term or group in its context with the mention
 * highlighted — set-aside mentions marked with their rule and cue. The panel
 * and the hits download as the CLI's text-panel.csv and text-hits.csv.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Hit } from '../../../core/text/count.ts';
import { dictionaryTerms } from '../../../core/text/dictionary.ts';
import type { IndexedFile } from '../../text/index-entry.ts';
import { textHitsCsv, textPanelCsv } from '../../report/text-csv.ts';
import { runTextIndex, setTextDraft } from '../actions.ts';
import { downloadBlob } from '../download.ts';
import { fmt, useT } from '../hooks.ts';
import { ProblemList } from '../components/ProblemList.tsx';
import { Select } from '../components/Select.tsx';
import { ThreeLineTable } from '../components/ThreeLineTable.tsx';
import { getStore, useStore } from '../store.ts';
import { DEFAULT_TEXT_SETTINGS, type TextOutput, type TextRequest } from '../text-session.ts';

const DEFAULT: TextRequest = { ...DEFAULT_TEXT_SETTINGS, files: [] };
const ACCEPT = '.pdf,.txt,.html,.htm';
/** Hits listed on the page at most (the hits CSV has all). */
const MAX_HITS = 500;

/** Identity of the draft's inputs for re-running: settings, file names and sizes (bytes are not compared). */
function draftKey(d: TextRequest): string {
  const { files, dictionary, ...settings } = d;
  return JSON.stringify({
    settings,
    files: files.map((f) => [f.name, f.bytes.length]),
    dictionary: dictionary ? [dictionary.name, dictionary.bytes.length] : null,
  });
}

async function readFiles(list: FileList | null | undefined): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  return Promise.all(
    [...(list ?? [])].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export function TextView() {
  const s = useStore();
  const { t } = useT();
  const draft = s.textDraft ?? DEFAULT;
  const set = (patch: Partial<TextRequest>) => setTextDraft({ ...draft, ...patch });
  const key = draftKey(draft);
  useEffect(() => {
    if (s.textIndex?.key !== key) void runTextIndex(draft, key);
  }, [key]);
  const current = s.textIndex;
  // the last complete output stays on screen while a new count is pending
  const [shown, setShown] = useState<TextOutput | undefined>(undefined);
  useEffect(() => {
    if (current?.out) setShown(current.out);
  }, [current?.out]);
  const out = current?.out ?? shown;
  const [over, setOver] = useState(false);

  const addFiles = async (list: FileList | null | undefined) => {
    const added = await readFiles(list);
    if (!added.length) return;
    const names = new Set(added.map((f) => f.name));
    const latest = getStore().get().textDraft ?? DEFAULT; // the draft now, not when the files were chosen
    setTextDraft({ ...latest, files: [...latest.files.filter((f) => !names.has(f.name)), ...added] });
  };

  return (
    <section aria-labelledby="h-text">
      <h1 id="h-text">{t('textTitle')}</h1>
      <p class="intro">{t('textIntro')}</p>
      <div
        class={`drop ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void addFiles(e.dataTransfer?.files);
        }}
        data-testid="text-dropzone"
      >
        <span>{t('textDrop')} </span>
        <label class="file-label">
          <span class="button-like">{t('textChoose')}</span>
          <input
            type="file"
            multiple
            accept={ACCEPT}
            class="sr-only"
            aria-label={t('textFilesInput')}
            data-testid="text-files"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              void addFiles(input.files).then(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {draft.files.length === 0 ? (
        <p class="muted" data-testid="text-no-files">
          {t('textNoFiles')}
        </p>
      ) : (
        <div class="card" data-testid="text-file-list">
          <h2>
            {t('textFiles')} ({draft.files.length})
          </h2>
          <ul class="text-files">
            {draft.files.map((f) => (
              <li key={f.name}>
                <span>{f.name}</span>{' '}
                <button
                  type="button"
                  class="small"
                  aria-label={`${t('textRemove')}: ${f.name}`}
                  onClick={() => set({ files: draft.files.filter((x) => x.name !== f.name) })}
                >
                  {t('textRemove')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="small" onClick={() => set({ files: [] })}>
            {t('textClear')}
          </button>
        </div>
      )}
      <Settings draft={draft} set={set} out={out} />
      {current?.problems ? (
        <ProblemList problems={current.problems} testId="text-problems" />
      ) : !out ? (
        <p class="muted">{t('computing')}</p>
      ) : (
        <TextResults out={out} pending={!current?.out} />
      )}
    </section>
  );
}

function Settings(props: { draft: TextRequest; set: (p: Partial<TextRequest>) => void; out?: TextOutput }) {
  const { t, b } = useT();
  const { draft, set, out } = props;
  const dict = out?.dictionary;
  return (
    <div class="card" data-testid="text-settings">
      <h2>{t('textSettings')}</h2>
      <div class="row wrap">
        <Select
          label={t('textRule')}
          value={draft.rule}
          options={[
            { value: 'longest', label: `longest — ${t('textRuleLongest')}` },
            { value: 'substring', label: `substring — ${t('textRuleSubstring')}` },
            { value: 'tokens', label: `tokens — ${t('textRuleTokens')}` },
          ]}
          onChange={(rule) => set({ rule })}
          testId="text-rule"
        />
        <Select
          label={t('textSection')}
          value={draft.section}
          options={[
            { value: 'all', label: t('textSectionAll') },
            { value: 'mdna', label: t('textSectionMdna') },
          ]}
          onChange={(section) => set({ section })}
          testId="text-section"
        />
        <Select
          label={t('textConvert')}
          value={draft.convert}
          options={[
            { value: 'auto', label: t('textConvertAuto') },
            { value: 't2s', label: t('textConvertT2s') },
            { value: 'none', label: t('textConvertNone') },
          ]}
          onChange={(convert) => set({ convert })}
          testId="text-convert"
        />
      </div>
      <div class="row wrap">
        <label class="check">
          <input
            type="checkbox"
            checked={draft.negation !== false}
            data-testid="text-negation"
            onChange={(e) => set({ negation: (e.currentTarget as HTMLInputElement).checked ? 4 : false })}
          />{' '}
          {t('textNegation')}
        </label>
        {draft.negation !== false && (
          <span class="field">
            <label for="text-window">{t('textNegationWindow')}</label>
            <input
              id="text-window"
              type="number"
              min={1}
              step={1}
              value={draft.negation}
              data-testid="text-window"
              onChange={(e) => {
                const n = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isInteger(n) && n >= 1) set({ negation: n });
              }}
            />
          </span>
        )}
        <label class="check">
          <input
            type="checkbox"
            checked={draft.contexts}
            data-testid="text-contexts"
            onChange={(e) => set({ contexts: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('textContexts')}
        </label>
      </div>
      <div class="row wrap">
        <span class="field grow">
          <label for="text-pattern">{t('textNamePattern')}</label>
          <input
            id="text-pattern"
            type="text"
            value={draft.namePattern}
            placeholder="(?<firm>\d{6})_(?<year>\d{4})"
            data-testid="text-pattern"
            onChange={(e) => set({ namePattern: (e.currentTarget as HTMLInputElement).value })}
          />
        </span>
      </div>
      <fieldset data-testid="text-dictionary">
        <legend>{t('textDictionary')}</legend>
        {dict && (
          <p>
            <strong data-testid="text-dict-name">{b(dict.name)}</strong> · {dict.groups.length}{' '}
            {dict.groups.map((g) => `${b(g.name)} ${g.terms.length}`).join('，')} · {dictionaryTerms(dict).length}{' '}
            {t('textTermsN')}
          </p>
        )}
        {dict && (
          <p class="muted small" data-testid="text-dict-source">
            {t('textDictSource')}: {dict.source}
          </p>
        )}
        <div class="row wrap">
          <label class="file-label">
            <span class="button-like">{t('textDictUpload')}</span>
            <input
              type="file"
              accept=".csv,.xlsx,.json"
              class="sr-only"
              aria-label={t('textDictUpload')}
              data-testid="text-dict-upload"
              onChange={async (e) => {
                const input = e.currentTarget as HTMLInputElement;
                const [file] = await readFiles(input.files);
                input.value = '';
                if (file) set({ dictionary: file });
              }}
            />
          </label>
          {draft.dictionary && (
            <button type="button" onClick={() => set({ dictionary: undefined })} data-testid="text-dict-default">
              {t('textDictBack')}
            </button>
          )}
        </div>
      </fieldset>
    </div>
  );
}

/** What the hit list shows: the hits of a term or of a group in the chosen report. */
type Pick = { kind: 'term' | 'group'; id: string };

function TextResults(props: { out: TextOutput; pending: boolean }) {
  const { t, b } = useT();
  const { out } = props;
  const [file, setFile] = useState<string>('');
  const [pick, setPick] = useState<Pick | null>(null);
  const [terms, setTerms] = useState(false);
  const report = out.reports.find((r) => r.file === file) ?? out.reports[0];
  const groupName = (id: string) => b(out.dictionary.groups.find((g) => g.id === id)?.name, id);
  const show = (r: IndexedFile) => {
    setFile(r.file);
    setPick(null);
  };
  return (
    <div aria-busy={props.pending} data-testid="text-output">
      {out.reports.length === 0 ? (
        <p class="muted">{t('textNoReports')}</p>
      ) : (
        <div class="card">
          <ThreeLineTable
            caption={t('textPanel')}
            testId="text-panel"
            columns={[
              { key: 'firm', label: t('textFirm'), value: (r) => r.firm },
              { key: 'year', label: t('textYear'), numeric: true, value: (r) => r.year },
              {
                key: 'file',
                label: t('textFile'),
                value: (r) => r.file,
                render: (r) => (
                  <button
                    type="button"
                    class={`linkish${r === report ? ' active' : ''}`}
                    aria-pressed={r === report}
                    onClick={() => show(r)}
                  >
                    {r.file}
                  </button>
                ),
              },
              {
                key: 'section',
                label: t('textSectionUsed'),
                value: (r) => r.index.section.title || t('textSectionAll'),
              },
              { key: 'pages', label: t('textPages'), numeric: true, value: (r) => r.pages },
              { key: 'chars', label: t('textChars'), numeric: true, value: (r) => r.index.chars },
              { key: 'total', label: t('textTotal'), numeric: true, value: (r) => r.index.total },
              {
                key: 'ln',
                label: t('textLn'),
                numeric: true,
                value: (r) => r.index.lnTotal,
                render: (r) => fmt(r.index.lnTotal),
              },
              {
                key: 'per10k',
                label: t('textPer10k'),
                numeric: true,
                value: (r) => r.index.per10k,
                render: (r) => fmt(r.index.per10k, 2),
              },
              ...out.dictionary.groups.map((g) => ({
                key: `g:${g.id}`,
                label: b(g.name),
                numeric: true,
                value: (r: IndexedFile) => r.index.groups[g.id],
              })),
            ]}
            rows={out.reports}
          />
          <div class="row wrap">
            <button
              type="button"
              data-testid="text-export-panel"
              onClick={() =>
                downloadBlob(
                  new Blob([textPanelCsv(out.reports, out.dictionary, { terms })], { type: 'text/csv;charset=utf-8' }),
                  'text-panel.csv',
                )
              }
            >
              {t('textExportPanel')}
            </button>
            <label class="check">
              <input
                type="checkbox"
                checked={terms}
                onChange={(e) => setTerms((e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {t('textTermColumns')}
            </label>
            <button
              type="button"
              data-testid="text-export-hits"
              onClick={() =>
                downloadBlob(new Blob([textHitsCsv(out.reports)], { type: 'text/csv;charset=utf-8' }), 'text-hits.csv')
              }
            >
              {t('textExportHits')}
            </button>
          </div>
        </div>
      )}
      {out.skipped.length > 0 && (
        <div class="card" data-testid="text-skipped">
          <ThreeLineTable
            caption={`${t('textSkipped')} (${out.skipped.length})`}
            columns={[
              { key: 'file', label: t('textFile'), value: (x) => x.file },
              { key: 'reason', label: t('textReason'), value: (x) => b(x.reason) },
            ]}
            rows={out.skipped}
          />
        </div>
      )}
      {report && <ReportDetail out={out} report={report} pick={pick} setPick={setPick} groupName={groupName} />}
    </div>
  );
}

function ReportDetail(props: {
  out: TextOutput;
  report: IndexedFile;
  pick: Pick | null;
  setPick: (p: Pick) => void;
  groupName: (id: string) => string;
}) {
  const { t } = useT();
  const { out, report, pick, setPick, groupName } = props;
  const { index } = report;
  const setAside = new Map<string, number>();
  for (const h of index.dropped) setAside.set(h.term, (setAside.get(h.term) ?? 0) + 1);
  const termRows = dictionaryTerms(out.dictionary)
    .map((e) => ({ ...e, count: index.counts[e.term] ?? 0, aside: setAside.get(e.term) ?? 0 }))
    .filter((r) => r.count > 0 || r.aside > 0);
  const picked = pick
    ? [...index.hits, ...index.dropped]
        .filter((h) => (pick.kind === 'term' ? h.term === pick.id : h.group === pick.id))
        .sort((a, c) => a.start - c.start)
    : [];
  return (
    <div class="card" data-testid="text-report">
      <h2>
        {t('textReport')}: {report.firm} · {report.year} · <span class="muted">{report.file}</span>
      </h2>
      <p class="muted small">
        {report.format.toUpperCase()} · {report.pages} {t('textPages')} · {t('textSectionUsed')}:{' '}
        {index.section.title || t('textSectionAll')} · {t('textChars')} {index.chars}
        {index.script.converted ? ` · ${t('textConverted')}` : ''}
      </p>
      <div class="group-counts" role="group" aria-label={t('textGroupCounts')} data-testid="text-groups">
        <span class="muted small">{t('textGroupCounts')}: </span>
        {out.dictionary.groups.map((g) => (
          <button
            type="button"
            key={g.id}
            data-group={g.id}
            aria-pressed={pick?.kind === 'group' && pick.id === g.id}
            onClick={() => setPick({ kind: 'group', id: g.id })}
          >
            {groupName(g.id)} <strong>{index.groups[g.id]}</strong>
          </button>
        ))}
      </div>
      <ThreeLineTable
        caption={t('textTermTable')}
        testId="text-terms"
        maxHeight={360}
        sort={{ key: 'count', dir: 'desc' }}
        columns={[
          { key: 'group', label: t('textGroup'), value: (r) => groupName(r.group) },
          {
            key: 'term',
            label: t('textTerm'),
            value: (r) => r.term,
            render: (r) => (
              <button
                type="button"
                class="linkish"
                data-term={r.term}
                aria-pressed={pick?.kind === 'term' && pick.id === r.term}
                onClick={() => setPick({ kind: 'term', id: r.term })}
              >
                {r.term}
              </button>
            ),
          },
          { key: 'count', label: t('textCount'), numeric: true, value: (r) => r.count },
          { key: 'aside', label: t('textSetAside'), numeric: true, value: (r) => r.aside },
        ]}
        rows={termRows}
      />
      <h3>{t('textHits')}</h3>
      {!pick ? (
        <p class="muted">{t('textPickHits')}</p>
      ) : (
        <HitList hits={picked} title={pick.kind === 'term' ? pick.id : groupName(pick.id)} groupName={groupName} />
      )}
    </div>
  );
}

function HitList(props: { hits: Hit[]; title: string; groupName: (id: string) => string }) {
  const { t } = useT();
  const shown = props.hits.slice(0, MAX_HITS);
  return (
    <div data-testid="text-hits">
      <p>
        <strong>{props.title}</strong> · {props.hits.length}
      </p>
      <ol class="hit-list">
        {shown.map((h) => {
          const to = h.before + h.end - h.start;
          const aside = h.dropped
            ? `${t(h.dropped.rule === 'negation' ? 'textDroppedNegation' : 'textDroppedContext')} (${t('textCue')} ${h.dropped.cue})`
            : null;
          return (
            <li key={`${h.start}:${h.term}`} class={h.dropped ? 'dropped' : ''} data-dropped={h.dropped?.rule}>
              <span class="muted small">
                {h.page !== undefined ? t('textPage').replace('{n}', String(h.page)) : ''} · {h.term}
                {aside ? ` · ${aside}` : ` · ${t('textCounted')}`}
              </span>
              <br />
              <span class="snippet">
                {h.snippet.slice(0, h.before)}
                <mark>{h.snippet.slice(h.before, to)}</mark>
                {h.snippet.slice(to)}
              </span>
            </li>
          );
        })}
      </ol>
      {props.hits.length > MAX_HITS && (
        <p class="muted small">
          {t('textShowing').replace('{n}', String(MAX_HITS)).replace('{m}', String(props.hits.length))}
        </p>
      )}
    </div>
  );
}
