/** Indicator system: the tree editor and the method choices; recomputes on every change. */
import { useStore } from '../store.ts';
import { useT } from '../hooks.ts';
import { SpecTree } from '../components/SpecTree.tsx';
import { MethodsPanel } from '../components/MethodsPanel.tsx';
import { AhpEditor } from '../components/AhpEditor.tsx';
import { usesAhp } from '../ahp-edit.ts';
import { ProblemList } from '../components/ProblemList.tsx';
import { updateSpec } from '../actions.ts';
import { defaultSpec } from '../defaults.ts';

export function SpecView() {
  const s = useStore();
  const { t, b } = useT();
  const hints = (s.directionHints ?? []).filter((h) =>
    s.spec.indicators.some((i) => i.column === h.column && i.direction === '-'),
  );
  const columns = s.inspection?.indicators ?? [];
  return (
    <section aria-labelledby="h-spec">
      <h1 id="h-spec">{t('specTitle')}</h1>
      <p class="intro">{t('specIntro')}</p>
      {s.specProblems?.length ? (
        <ProblemList problems={s.specProblems} title={t('specProblems')} testId="spec-problems" />
      ) : null}
      {hints.length > 0 && (
        <div class="notice" role="note" data-testid="direction-hints">
          {t('directionHints')} {hints.map((h) => `${h.column}（${b(h.reason)}）`).join('；')}
        </div>
      )}
      <div class="grid2 spec">
        <section class="card" aria-labelledby="h-tree">
          <h2 id="h-tree">{t('tree')}</h2>
          <SpecTree spec={s.spec} columns={columns} />
        </section>
        <section class="card" aria-labelledby="h-methods">
          <h2 id="h-methods">{t('methods')}</h2>
          <MethodsPanel spec={s.spec} />
        </section>
      </div>
      {usesAhp(s.spec) && (
        <section class="card" aria-labelledby="h-ahp">
          <h2 id="h-ahp">{t('ahpTitle')}</h2>
          <AhpEditor spec={s.spec} />
        </section>
      )}
      <div class="row">
        {s.data?.embedded && (
          <button type="button" onClick={() => updateSpec(defaultSpec(), 0)}>
            {t('resetSpec')}
          </button>
        )}
      </div>
      <details>
        <summary>{t('editJson')}</summary>
        <pre class="json">{JSON.stringify(s.spec, null, 2)}</pre>
      </details>
    </section>
  );
}
