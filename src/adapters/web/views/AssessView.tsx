/**
 * Firm self-assessment in the browser, without a server: the questionnaire of
 * seed 000's three paths and seed 003's enterprise AI paths, saved as the
 * respondent goes (localStorage), scored live by the core, and the report —
 * the same sections as `xinzhi assess --html` (report/assess-report.ts) — with
 * HTML, Word and XLSX downloads and the answers as a file for `xinzhi assess
 * --answers` or for the assessment server.
 */
import { useMemo, useState } from 'preact/hooks';
import type { AssessmentInput } from '../../../core/assess/input.ts';
import { checkAssessmentInput } from '../../../core/assess/input.ts';
import { AGG } from '../../../core/assess/score.ts';
import type { AnswerValue, InstrumentItem } from '../../../core/assess/types.ts';
import { XinzhiError } from '../../../core/errors.ts';
import { assessmentDocx, assessmentHtml, assessmentParts, assessmentWorkbook } from '../../report/assess-report.ts';
import {
  exampleInput,
  instrument,
  loadAssessInput,
  saveAssessInput,
  scoreInput,
  structure,
  withAnswer,
} from '../assess-state.ts';
import { downloadBlob } from '../download.ts';
import { fmt, useT } from '../hooks.ts';
import { ProblemList } from '../components/ProblemList.tsx';
import { ReportSections } from '../components/ReportSections.tsx';

/** Items grouped as the framework reads: each path (factors and mode, then each main category), the AI paths, the resource mechanisms. */
type ItemGroup = { id: string; parts: Array<{ id: string; items: InstrumentItem[] }> };
let groupsCache: ItemGroup[] | undefined;

function groups(): ItemGroup[] {
  if (groupsCache) return groupsCache;
  const st = structure();
  const itemsOf = (nodes: string[]) => instrument.items.filter((i) => nodes.includes(i.node));
  const out = st.paths.map((p) => ({
    id: p.id,
    parts: [
      { id: `${p.id}#factors`, items: itemsOf([...p.factors, p.mode]) },
      ...p.mainCategories.map((m) => ({ id: m.id, items: itemsOf(m.subCategories) })),
    ],
  }));
  out.push({ id: AGG.ai, parts: [{ id: AGG.ai, items: itemsOf(st.aiPaths) }] });
  out.push({
    id: AGG.resources,
    parts: [{ id: AGG.resources, items: itemsOf(st.resourceMechanisms) }],
  });
  groupsCache = out;
  return out;
}

function ItemInput(props: {
  item: InstrumentItem;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
}) {
  const { t, lang } = useT();
  const { item, value } = props;
  const na = value !== undefined && 'na' in value;
  const naBox = (
    <label class="check">
      <input
        type="checkbox"
        checked={na}
        data-testid={`na-${item.id}`}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked ? { na: true } : undefined)}
      />{' '}
      {t('assessNa')}
    </label>
  );
  if (item.type === 'level') {
    const level = value && 'level' in value ? value.level : undefined;
    return (
      <div>
        <fieldset class="labels level-choice" data-testid={`item-${item.id}`}>
          <legend class="sr-only">{item.prompt[lang]}</legend>
          {[0, 1, 2, 3, 4, 5].map((k) => (
            <label key={k} class="check">
              <input
                type="radio"
                name={item.id}
                value={k}
                checked={level === k}
                onChange={() => props.onChange({ level: k })}
              />{' '}
              {k}
            </label>
          ))}
          {naBox}
        </fieldset>
        <ul class="anchors muted small">
          {([1, 3, 5] as const).map((k) => (
            <li key={k}>
              {k}: {item.anchors[k][lang]}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (item.type === 'multi') {
    const ticked = value && 'options' in value ? value.options : [];
    return (
      <fieldset class="labels" data-testid={`item-${item.id}`}>
        <legend class="sr-only">{item.prompt[lang]}</legend>
        {item.options.map((o) => (
          <label key={o.id} class="check">
            <input
              type="checkbox"
              value={o.id}
              checked={ticked.includes(o.id)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                props.onChange({ options: on ? [...ticked, o.id] : ticked.filter((x) => x !== o.id) });
              }}
            />{' '}
            {o.label[lang]}
          </label>
        ))}
        {naBox}
      </fieldset>
    );
  }
  const num = value && 'value' in value ? value.value : undefined;
  return (
    <div class="row wrap" data-testid={`item-${item.id}`}>
      <span class="field">
        <label for={`num-${item.id}`}>
          {item.unit[lang]} ({item.min}–{item.max})
        </label>
        <input
          id={`num-${item.id}`}
          type="number"
          step="any"
          min={item.min}
          max={item.max}
          value={num ?? ''}
          onChange={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            const x = Number(raw);
            props.onChange(
              raw === '' ? undefined : Number.isFinite(x) && x >= item.min && x <= item.max ? { value: x } : value,
            );
          }}
        />
      </span>
      {naBox}
    </div>
  );
}

export function AssessView() {
  const { t, lang } = useT();
  const [input, setInput] = useState<AssessmentInput>(() => loadAssessInput());
  const [problems, setProblems] = useState<XinzhiError['problems'] | null>(null);
  const update = (next: AssessmentInput) => {
    saveAssessInput(next);
    setInput(next);
  };
  const { scores, report } = useMemo(() => scoreInput(input), [input]);
  const doc = { scores, report, structure: structure(), instrument, lang };
  const parts = useMemo(() => assessmentParts(doc), [scores, report, lang]);
  const st = structure();
  const name = (id: string) => {
    if (id === AGG.ai) return t('assessAiPaths');
    if (id === AGG.resources) return t('assessResources');
    if (id.endsWith('#factors')) return t('assessFactors');
    return st.node(id).name[lang];
  };
  const overall = scores.nodes[AGG.overall];

  const onImport = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!f) return;
    try {
      update(checkAssessmentInput(JSON.parse(await f.text()), f.name));
      setProblems(null);
    } catch (err) {
      if (err instanceof XinzhiError) setProblems(err.problems);
      else
        setProblems([
          {
            code: 'bad-json',
            severity: 'error',
            file: f.name,
            message: { zh: `不是 JSON：${(err as Error).message}`, en: `not JSON: ${(err as Error).message}` },
          },
        ]);
    }
  };
  const download = async (kind: 'html' | 'docx' | 'xlsx' | 'json') => {
    if (kind === 'json')
      return downloadBlob(new Blob([JSON.stringify(input, null, 2)], { type: 'application/json' }), 'answers.json');
    if (kind === 'html')
      return downloadBlob(new Blob([assessmentHtml(doc)], { type: 'text/html;charset=utf-8' }), 'assessment.html');
    if (kind === 'xlsx')
      return downloadBlob(
        new Blob([(await assessmentWorkbook(doc)) as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
        'assessment.xlsx',
      );
    const { rasterizeInBrowser } = await import('../rasterize.ts');
    downloadBlob(
      new Blob([(await assessmentDocx(doc, rasterizeInBrowser)) as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      }),
      'assessment.docx',
    );
  };

  return (
    <section aria-labelledby="h-assess">
      <h1 id="h-assess">{t('assessTitle')}</h1>
      <p class="intro">{t('assessIntro')}</p>
      <div class="card row wrap">
        <span data-testid="assess-progress">
          {t('assessAnswered')}: {scores.answered}/{scores.total}
        </span>
        <span data-testid="assess-overall">
          {t('assessOverall')}: {overall.score === null ? '—' : fmt(overall.score, 1)}
        </span>
        <button type="button" data-testid="assess-example" onClick={() => update(exampleInput())}>
          {t('assessExample')}
        </button>
        <button type="button" data-testid="assess-clear" onClick={() => update({ answers: {}, excludedPaths: [] })}>
          {t('assessClear')}
        </button>
        <label class="file-label">
          <span class="button-like">{t('assessImport')}</span>
          <input type="file" class="sr-only" accept=".json" data-testid="assess-import" onChange={onImport} />
        </label>
        <button type="button" data-testid="assess-json" onClick={() => void download('json')}>
          {t('assessExport')}
        </button>
      </div>
      {problems && <ProblemList problems={problems} />}
      <div class="assess-columns">
        <div class="assess-questions">
          {groups().map((g) => (
            <details key={g.id} class="card" open={g.id === st.paths[0].id}>
              <summary>
                <strong>{name(g.id)}</strong>{' '}
                <span class="muted small">
                  {scores.nodes[g.id]?.score === null || scores.nodes[g.id] === undefined
                    ? ''
                    : fmt(scores.nodes[g.id].score as number, 1)}
                </span>
              </summary>
              {g.parts.map((p) => (
                <div key={p.id}>
                  {g.parts.length > 1 && <h3>{name(p.id)}</h3>}
                  {p.items.map((item) => (
                    <div key={item.id} class="assess-item">
                      <p>
                        <strong>{item.prompt[lang]}</strong>
                        <br />
                        <span class="muted small">{item.help[lang]}</span>
                      </p>
                      <ItemInput
                        item={item}
                        value={input.answers[item.id]}
                        onChange={(v) => update(withAnswer(input, item.id, v))}
                      />
                    </div>
                  ))}
                </div>
              ))}
            </details>
          ))}
        </div>
        <div class="assess-report" data-testid="assess-report">
          <div class="row wrap">
            <span>{t('tfpDownloads')}:</span>
            <button type="button" data-testid="assess-html" onClick={() => void download('html')}>
              HTML
            </button>
            <button type="button" data-testid="assess-docx" onClick={() => void download('docx')}>
              Word
            </button>
            <button type="button" data-testid="assess-xlsx" onClick={() => void download('xlsx')}>
              XLSX
            </button>
          </div>
          <ReportSections sections={parts.sections} lang={lang} />
        </div>
      </div>
    </section>
  );
}
