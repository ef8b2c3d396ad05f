/**
 * Frame of one analysis panel: title naming the variable, controls, the output
 * or its problems. The panel recomputes (debounced) whenever its controls or
 * the result change; until the new output arrives the old one is dimmed and
 * marked as updating, so a number is never shown under a label it does not
 * belong to.
 */
import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { AnalysisOutput, AnalysisRequest } from '../../session.ts';
import { analysisKey, runAnalysis } from '../../actions.ts';
import { useStore } from '../../store.ts';
import { useT } from '../../hooks.ts';
import { nodeName } from '../../../report/hierarchy.ts';
import { ProblemList } from '../ProblemList.tsx';

export function AnalysisCard<K extends AnalysisOutput['kind']>(props: {
  kind: K;
  title: string;
  req: AnalysisRequest;
  controls?: ComponentChildren;
  children: (out: Extract<AnalysisOutput, { kind: K }>) => ComponentChildren;
}) {
  const s = useStore();
  const { t, lang } = useT();
  const out = s.analyses[props.kind];
  const key = analysisKey(props.req);
  const stale = !!out && out.reqKey !== key;
  useEffect(() => {
    if (!s.result || (out && out.reqKey === key)) return;
    // the first run is immediate; later changes wait for the user to stop clicking
    const timer = setTimeout(() => void runAnalysis(props.req), out ? 200 : 0);
    return () => clearTimeout(timer);
  }, [s.result, key]);
  const node = 'node' in props.req && props.req.node && s.result ? nodeName(s.result, props.req.node)[lang] : undefined;
  const title = node ? `${props.title} — ${node}` : props.title;
  return (
    <section class="card analysis" aria-labelledby={`h-${props.kind}`} data-testid={`analysis-${props.kind}`}>
      <h2 id={`h-${props.kind}`}>{title}</h2>
      <div class="row wrap">
        {props.controls}
        <button type="button" onClick={() => void runAnalysis(props.req)} aria-label={`${t('run')}: ${props.title}`}>
          {t('run')}
        </button>
      </div>
      {stale && (
        <p class="muted small" role="status" data-testid="stale">
          {t('updating')}
        </p>
      )}
      <div class={stale ? 'stale' : ''} aria-busy={stale} data-stale={stale ? 'true' : 'false'}>
        {out && 'problems' in out ? (
          <ProblemList problems={out.problems} />
        ) : out ? (
          <>
            {props.children(out as Extract<AnalysisOutput, { kind: K }>)}
            {out.interpretation?.length ? (
              <div class="interpretation" data-testid="interpretation">
                {out.interpretation.map((x, i) => (
                  <p key={i}>{x[lang]}</p>
                ))}
              </div>
            ) : null}
          </>
        ) : (
          <p class="muted">{t('computing')}</p>
        )}
      </div>
    </section>
  );
}
