/** Frame of one analysis panel: title, controls, run button, the output or its problems. Runs once automatically. */
import { useEffect } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { AnalysisOutput, AnalysisRequest } from '../../session.ts';
import { runAnalysis } from '../../actions.ts';
import { useStore } from '../../store.ts';
import { useT } from '../../hooks.ts';
import { ProblemList } from '../ProblemList.tsx';

export function AnalysisCard<K extends AnalysisOutput['kind']>(props: {
  kind: K;
  title: string;
  req: AnalysisRequest;
  controls?: ComponentChildren;
  children: (out: Extract<AnalysisOutput, { kind: K }>) => ComponentChildren;
}) {
  const s = useStore();
  const { t } = useT();
  const out = s.analyses[props.kind];
  useEffect(() => {
    if (!out && s.result) void runAnalysis(props.req);
  }, [s.result, out]);
  return (
    <section class="card analysis" aria-labelledby={`h-${props.kind}`} data-testid={`analysis-${props.kind}`}>
      <h2 id={`h-${props.kind}`}>{props.title}</h2>
      <div class="row wrap">
        {props.controls}
        <button type="button" onClick={() => void runAnalysis(props.req)} aria-label={`${t('run')}: ${props.title}`}>
          {t('run')}
        </button>
      </div>
      {out && 'problems' in out ? (
        <ProblemList problems={out.problems} />
      ) : out ? (
        props.children(out as Extract<AnalysisOutput, { kind: K }>)
      ) : (
        <p class="muted">{t('computing')}</p>
      )}
    </section>
  );
}
