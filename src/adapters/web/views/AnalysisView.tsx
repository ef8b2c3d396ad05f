/** Analysis: each method of the toolkit as a panel with its chart, on the current result. */
import { useStore } from '../store.ts';
import { WeightsFileInput } from '../components/WeightsFileInput.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { useT } from '../hooks.ts';
import { CouplingPanel } from '../components/analysis/CouplingPanel.tsx';
import { ObstaclePanel } from '../components/analysis/ObstaclePanel.tsx';
import { GiniPanel } from '../components/analysis/GiniPanel.tsx';
import { TheilPanel } from '../components/analysis/TheilPanel.tsx';
import { KdePanel } from '../components/analysis/KdePanel.tsx';
import { MoranPanel } from '../components/analysis/MoranPanel.tsx';
import { LisaPanel } from '../components/analysis/LisaPanel.tsx';
import { MarkovPanel } from '../components/analysis/MarkovPanel.tsx';
import { ConvergencePanel } from '../components/analysis/ConvergencePanel.tsx';

export function AnalysisView() {
  const s = useStore();
  const { t } = useT();
  const r = s.result;
  return (
    <section aria-labelledby="h-analysis">
      <h1 id="h-analysis">{t('analysisTitle')}</h1>
      <p class="intro">{t('analysisIntro')}</p>
      <div class="row wrap" data-testid="weights-upload">
        <WeightsFileInput testId="weights-file-input" />
        <span class="muted small">
          {s.weightsFile && !s.weightsFile.problems
            ? `${s.weightsFile.name}: ${s.weightsFile.edges} ${t('links')}`
            : t('uploadWeightsNote')}
        </span>
      </div>
      {s.weightsFile?.problems && <ProblemList problems={s.weightsFile.problems} />}
      {!r ? (
        <p>{s.busy ? t('computing') : t('noResult')}</p>
      ) : (
        <div class="grid2" key={r.record.dataFingerprint + JSON.stringify(r.record.spec).length}>
          <CouplingPanel result={r} />
          <ObstaclePanel result={r} />
          <GiniPanel result={r} />
          <TheilPanel result={r} />
          <KdePanel result={r} />
          <MoranPanel result={r} />
          <LisaPanel result={r} />
          <MarkovPanel result={r} />
          <ConvergencePanel result={r} />
        </div>
      )}
    </section>
  );
}
