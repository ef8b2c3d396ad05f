/** Results: weights, scores and ranks by level, map with year slider, trends, radar, rank uncertainty, extra MCDM scores, warnings. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Time } from '../../../core/panel/types.ts';
import { nodeName, scoredLevels } from '../../report/hierarchy.ts';
import { useStore } from '../store.ts';
import { interpretIndex } from '../../../core/analysis/interpret-index.ts';
import { fmt, unitLabel, useT } from '../hooks.ts';
import { Select } from '../components/Select.tsx';
import { WeightsTable } from '../components/WeightsTable.tsx';
import { ScoresTable } from '../components/ScoresTable.tsx';
import { ScoreMap } from '../components/ScoreMap.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { RadarPanel } from '../components/RadarPanel.tsx';
import { UncertaintyPanel } from '../components/UncertaintyPanel.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { ThreeLineTable } from '../components/ThreeLineTable.tsx';
import { RobustnessPanel } from '../components/RobustnessPanel.tsx';
import { RepairsPanel } from '../components/RepairsPanel.tsx';

export function ResultsView() {
  const s = useStore();
  const { t, lang } = useT();
  const r = s.result;
  const [node, setNode] = useState('index');
  const [time, setTime] = useState<Time | undefined>(undefined);
  const [radarUnit, setRadarUnit] = useState<string | undefined>(undefined);
  const [trendUnits, setTrendUnits] = useState<string[] | undefined>(undefined);
  const levels = useMemo(() => (r ? scoredLevels(r) : []), [r]);
  const latest = r ? r.times[r.times.length - 1] : undefined;
  const tm = r && time !== undefined && r.times.some((x) => String(x) === String(time)) ? time : latest;
  const ranked = useMemo(
    () =>
      r && tm !== undefined
        ? r.scores
            .filter((x) => String(x.time) === String(tm))
            .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
            .map((x) => x.unit)
        : [],
    [r, tm],
  );
  useEffect(() => {
    if (r && !r.nodeScores.some((x) => x.node === node)) setNode('index');
  }, [r]);
  if (!r || tm === undefined) {
    return (
      <section aria-labelledby="h-results">
        <h1 id="h-results">{t('resultsTitle')}</h1>
        {s.busy ? (
          <p>{t('computing')}</p>
        ) : s.data && s.specProblems?.length ? (
          <p data-testid="evaluation-blocked">{t('evaluationBlocked')}</p>
        ) : (
          <p>{t('noResult')}</p>
        )}
        {s.specProblems?.length ? (
          <ProblemList problems={s.specProblems} title={t('specProblems')} testId="spec-problems" />
        ) : null}
        {s.data && s.spec.missing?.method === 'error' && <RepairsPanel spec={s.spec} />}
      </section>
    );
  }
  const nodeOptions = levels.flatMap((ids, lv) =>
    ids.map((id) => ({ value: id, label: `${'· '.repeat(lv)}${nodeName(r, id)[lang]}` })),
  );
  const label = nodeName(r, node)[lang];
  const tUnits = trendUnits ?? ranked.slice(0, 5);
  const unit = radarUnit && r.units.includes(radarUnit) ? radarUnit : ranked[0];
  const warnings = [...(s.readWarnings ?? []), ...r.record.warnings].filter((p) => p.severity === 'warning');
  return (
    <section aria-labelledby="h-results">
      <h1 id="h-results">{t('resultsTitle')}</h1>
      <p class="muted">
        {r.record.spec.name?.[lang] ?? ''} · {r.units.length} {t('units')} × {r.times.length} {t('years')}
      </p>
      <div class="interpretation" data-testid="index-interpretation">
        {interpretIndex(r, (u) => ({ zh: unitLabel(u, 'zh'), en: unitLabel(u, 'en') })).map((x, i) => (
          <p key={i}>{x[lang]}</p>
        ))}
      </div>
      <div class="row wrap sticky-controls">
        <Select label={t('level')} value={node} options={nodeOptions} onChange={setNode} testId="node-select" />
        <Select
          label={t('year')}
          value={String(tm)}
          options={r.times.map((x) => ({ value: String(x), label: String(x) }))}
          onChange={(v) => setTime(r.times.find((x) => String(x) === v))}
          testId="time-select"
        />
      </div>
      <div class="grid2">
        <section class="card">
          <ScoresTable result={r} node={node} time={tm} />
        </section>
        <section class="card">
          <ScoreMap result={r} node={node} nodeLabel={label} time={tm} onTime={setTime} />
        </section>
      </div>
      <div class="grid2">
        <section class="card">
          <TrendChart result={r} node={node} nodeLabel={label} units={tUnits} />
          <details>
            <summary>{t('trendUnits')}</summary>
            <div class="checks">
              {ranked.map((u) => (
                <label key={u} class="check">
                  <input
                    type="checkbox"
                    checked={tUnits.includes(u)}
                    onChange={(e) =>
                      setTrendUnits(
                        (e.currentTarget as HTMLInputElement).checked ? [...tUnits, u] : tUnits.filter((x) => x !== u),
                      )
                    }
                  />{' '}
                  {unitLabel(u, lang)}
                </label>
              ))}
            </div>
          </details>
        </section>
        <section class="card">{unit && <RadarPanel result={r} time={tm} unit={unit} onUnit={setRadarUnit} />}</section>
      </div>
      <section class="card">
        <WeightsTable result={r} />
      </section>
      <RobustnessPanel result={r} />
      <UncertaintyPanel result={r} spec={s.spec} time={tm} />
      {r.topsis && (
        <section class="card">
          <ThreeLineTable
            caption={`TOPSIS · ${String(tm)}`}
            rows={r.topsis.filter((x) => String(x.time) === String(tm))}
            sort={{ key: 'rank', dir: 'asc' }}
            columns={[
              { key: 'rank', label: t('rank'), numeric: true, value: (x) => x.rank },
              { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
              { key: 'c', label: 'C', numeric: true, value: (x) => x.closeness, render: (x) => fmt(x.closeness) },
              { key: 'dp', label: 'D+', numeric: true, value: (x) => x.dPlus, render: (x) => fmt(x.dPlus) },
              { key: 'dm', label: 'D−', numeric: true, value: (x) => x.dMinus, render: (x) => fmt(x.dMinus) },
            ]}
          />
        </section>
      )}
      {r.gra && (
        <section class="card">
          <ThreeLineTable
            caption={`GRA · ${String(tm)}`}
            rows={r.gra.filter((x) => String(x.time) === String(tm))}
            sort={{ key: 'rank', dir: 'asc' }}
            columns={[
              { key: 'rank', label: t('rank'), numeric: true, value: (x) => x.rank },
              { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
              {
                key: 'g',
                label: lang === 'zh' ? '关联度' : 'Grade',
                numeric: true,
                value: (x) => x.grade,
                render: (x) => fmt(x.grade),
              },
            ]}
          />
        </section>
      )}
      {r.vikor && (
        <section class="card">
          <ThreeLineTable
            caption={`VIKOR · ${String(tm)}`}
            rows={r.vikor.filter((x) => String(x.time) === String(tm))}
            sort={{ key: 'rank', dir: 'asc' }}
            columns={[
              { key: 'rank', label: t('rank'), numeric: true, value: (x) => x.rank },
              { key: 'unit', label: t('unit'), value: (x) => unitLabel(x.unit, lang) },
              { key: 'q', label: 'Q', numeric: true, value: (x) => x.Q, render: (x) => fmt(x.Q) },
              { key: 's', label: 'S', numeric: true, value: (x) => x.S, render: (x) => fmt(x.S) },
              { key: 'r', label: 'R', numeric: true, value: (x) => x.R, render: (x) => fmt(x.R) },
            ]}
          />
        </section>
      )}
      <RepairsPanel result={r} spec={s.spec} />
      {warnings.length > 0 && (
        <ProblemList problems={warnings} title={t('warningsRun')} testId="run-warnings" max={50} />
      )}
    </section>
  );
}
