/**
 * Simulation: seed 000's reinforcing loop (效率驱动—协同耦合—技术反哺) as a
 * system-dynamics model, or the user's own XMILE / Vensim model. Pick
 * scenarios, change constants, the horizon and the integration method; the
 * worker runs the core's `runScenarios` and `loopDominance` (the same calls
 * as `xinzhi simulate`) and the page shows the trajectories side by side, a
 * summary table and the loop that dominates each stretch of time.
 */
import { useEffect, useState } from 'preact/hooks';
import { PALETTE } from '../../report/charts.ts';
import { runSimulation, setSimulateDraft } from '../actions.ts';
import { fmt, useT } from '../hooks.ts';
import type { SimulateOutput, SimulateRequest } from '../simulate-session.ts';
import { useStore } from '../store.ts';
import { Chart } from '../components/Chart.tsx';
import { ProblemList } from '../components/ProblemList.tsx';
import { Select } from '../components/Select.tsx';
import { ThreeLineTable } from '../components/ThreeLineTable.tsx';

const DEFAULT: SimulateRequest = { scenarios: [], set: {} };

/** The variable shown first: the NQPF level of the seed model, else the first stock. */
function defaultVariable(out: SimulateOutput): string {
  return out.variables.includes('nqpf_level') ? 'nqpf_level' : (out.stocks[0] ?? out.variables[0]);
}

export function SimulateView() {
  const s = useStore();
  const { t, lang } = useT();
  const draft = s.simulateDraft ?? DEFAULT;
  const set = (patch: Partial<SimulateRequest>) => setSimulateDraft({ ...draft, ...patch });
  const key = JSON.stringify(draft);
  useEffect(() => {
    if (s.simulation?.key !== key) void runSimulation(draft, key);
  }, [key]);
  const current = s.simulation;
  // the last complete output stays on screen while a new run is pending
  const [shown, setShown] = useState<SimulateOutput | undefined>(undefined);
  useEffect(() => {
    if (current?.out) setShown(current.out);
  }, [current?.out]);
  const out = current?.out ?? shown;
  const [variable, setVariable] = useState<string>('');
  const v = out?.variables.includes(variable) ? variable : out ? defaultVariable(out) : '';
  const threshold = draft.thresholds?.[v];

  const onUpload = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    set({ upload: { name: file.name, text: await file.text() }, scenarios: [], set: {}, thresholds: {} });
  };
  const scenarioName = (r: { id: string; name?: { zh: string; en: string } }) => r.name?.[lang] ?? r.id;

  return (
    <section aria-labelledby="h-simulate">
      <h1 id="h-simulate">{t('simulateTitle')}</h1>
      <p class="intro">{t('simulateIntro')}</p>
      <div class="card">
        <div class="row wrap">
          <span class="field">
            <span>{t('simModel')}: </span>
            <strong data-testid="sim-model">{draft.upload ? draft.upload.name : t('simSeedModel')}</strong>
          </span>
          <label class="file-label">
            <span class="button-like">{t('simUpload')}</span>
            <input
              type="file"
              accept=".xmile,.stmx,.xml,.mdl"
              class="sr-only"
              data-testid="sim-upload"
              onChange={onUpload}
            />
          </label>
          {draft.upload && (
            <button type="button" onClick={() => set({ upload: undefined, scenarios: [], set: {}, thresholds: {} })}>
              {t('simBackToSeed')}
            </button>
          )}
          {out && (
            <Select
              label={t('simVariable')}
              value={v}
              options={out.variables.map((x) => ({ value: x, label: x }))}
              onChange={setVariable}
              testId="sim-variable"
            />
          )}
          <Select
            label={t('simMethod')}
            value={draft.method ?? out?.model.specs.method ?? 'euler'}
            options={[
              { value: 'euler', label: 'Euler' },
              { value: 'rk4', label: 'RK4' },
            ]}
            onChange={(method) => set({ method })}
            testId="sim-method"
          />
          <span class="field">
            <label for="sim-stop">{t('simStop')}</label>
            <input
              id="sim-stop"
              type="number"
              min={1}
              step={1}
              value={draft.stop ?? out?.model.specs.stop ?? ''}
              data-testid="sim-stop"
              onChange={(e) => {
                const x = Number((e.currentTarget as HTMLInputElement).value);
                if (Number.isFinite(x) && x > (out?.model.specs.start ?? 0)) set({ stop: x });
              }}
            />
          </span>
          <span class="field">
            <label for="sim-threshold">{t('simThreshold')}</label>
            <input
              id="sim-threshold"
              type="number"
              step="any"
              value={threshold ?? ''}
              data-testid="sim-threshold"
              onChange={(e) => {
                const raw = (e.currentTarget as HTMLInputElement).value;
                const { [v]: _, ...rest } = draft.thresholds ?? {};
                const x = Number(raw);
                set({ thresholds: raw === '' || !Number.isFinite(x) ? rest : { ...rest, [v]: x } });
              }}
            />
          </span>
        </div>
        {out && out.available.length > 0 && (
          <fieldset class="labels" data-testid="sim-scenarios">
            <legend>{t('simScenarios')}</legend>
            {out.available.map((a) => {
              const on = draft.scenarios.length === 0 || draft.scenarios.includes(a.id);
              return (
                <label key={a.id} class="check">
                  <input
                    type="checkbox"
                    value={a.id}
                    checked={on}
                    onChange={(e) => {
                      const all = out.available.map((x) => x.id);
                      const now = draft.scenarios.length === 0 ? all : draft.scenarios;
                      const next = (e.currentTarget as HTMLInputElement).checked
                        ? all.filter((id) => now.includes(id) || id === a.id)
                        : now.filter((id) => id !== a.id);
                      if (next.length > 0) set({ scenarios: next.length === all.length ? [] : next });
                    }}
                  />{' '}
                  {scenarioName(a)}
                </label>
              );
            })}
          </fieldset>
        )}
        {out && out.parameters.length > 0 && (
          <details data-testid="sim-parameters">
            <summary>
              {t('simParameters')} ({out.parameters.length})
            </summary>
            <p class="muted small">{t('simParametersNote')}</p>
            <div class="param-grid">
              {out.parameters.map((p) => (
                <span class="field" key={p.name} title={p.doc}>
                  <label for={`sim-p-${p.name}`}>{p.name}</label>
                  <input
                    id={`sim-p-${p.name}`}
                    type="number"
                    step="any"
                    value={draft.set[p.name] ?? p.value}
                    data-testid={`sim-p-${p.name}`}
                    onChange={(e) => {
                      const x = Number((e.currentTarget as HTMLInputElement).value);
                      if (!Number.isFinite(x)) return;
                      const { [p.name]: _, ...rest } = draft.set;
                      set({ set: x === p.value ? rest : { ...rest, [p.name]: x } });
                    }}
                  />
                </span>
              ))}
            </div>
            {Object.keys(draft.set).length > 0 && (
              <button type="button" onClick={() => set({ set: {} })}>
                {t('simReset')}
              </button>
            )}
          </details>
        )}
      </div>
      {current?.problems ? (
        <ProblemList problems={current.problems} />
      ) : !out ? (
        <p class="muted">{t('computing')}</p>
      ) : (
        <SimulationOutput out={out} variable={v} pending={!current?.out} />
      )}
    </section>
  );
}

function SimulationOutput(props: { out: SimulateOutput; variable: string; pending: boolean }) {
  const { t, lang } = useT();
  const { out, variable } = props;
  const name = (r: { id: string; name?: { zh: string; en: string } }) => r.name?.[lang] ?? r.id;
  const rows = out.runs.map((r) => ({ id: r.id, name: name(r), ...r.summary[variable] }));
  const withThreshold = rows.some((r) => r.threshold !== undefined);
  const loops = out.loops;
  const shownLoops = loops
    ? loops.loops.filter((l) => loops.phases.some((p) => p.loop === l.id)).slice(0, PALETTE.length)
    : [];
  // variables that became NaN or ±∞, named with their line and first time (the core's run warnings)
  const warnings = out.runs.flatMap((r) => r.result.warnings ?? []);
  return (
    <div aria-busy={props.pending}>
      {out.model.seed && <p class="notice small">{t('simIllustrative')}</p>}
      {warnings.length > 0 && <ProblemList problems={warnings} max={20} testId="sim-warnings" />}
      <div class="card">
        <Chart
          label={t('simTrajectories')}
          file={`simulation-${variable}`}
          testId="sim-chart"
          option={{
            color: PALETTE,
            title: { text: `${variable}`, left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0, type: 'scroll' },
            grid: { left: 60, right: 30, top: 40, bottom: 60 },
            xAxis: { type: 'value', name: out.model.specs.timeUnits ?? t('simTime'), min: out.model.specs.start },
            yAxis: { type: 'value', scale: true },
            series: out.runs.map((r) => ({
              id: r.id,
              name: name(r),
              type: 'line',
              showSymbol: false,
              data: r.result.time.map((x, k) => [x, r.result.series[variable]?.[k] ?? null]),
            })),
          }}
        />
        <ThreeLineTable
          caption={`${t('simSummary')}: ${variable}`}
          testId="sim-summary"
          columns={[
            { key: 'name', label: t('simScenario'), value: (r) => r.name },
            {
              key: 'initial',
              label: t('simInitial'),
              numeric: true,
              value: (r) => r.initial,
              render: (r) => fmt(r.initial),
            },
            { key: 'final', label: t('simFinal'), numeric: true, value: (r) => r.final, render: (r) => fmt(r.final) },
            { key: 'peak', label: t('simPeak'), numeric: true, value: (r) => r.peak, render: (r) => fmt(r.peak) },
            {
              key: 'peakTime',
              label: t('simPeakTime'),
              numeric: true,
              value: (r) => r.peakTime,
              render: (r) => fmt(r.peakTime, 2),
            },
            ...(withThreshold
              ? [
                  {
                    key: 'reach',
                    label: t('simReach'),
                    numeric: true,
                    value: (r: (typeof rows)[number]) => r.timeToThreshold ?? null,
                    render: (r: (typeof rows)[number]) =>
                      r.timeToThreshold === null || r.timeToThreshold === undefined
                        ? t('simNever')
                        : fmt(r.timeToThreshold, 2),
                  },
                ]
              : []),
          ]}
          rows={rows}
        />
      </div>
      {out.loopsSkipped && (
        <p class="muted" data-testid="sim-loops-skipped">
          {out.loopsSkipped[lang]}
        </p>
      )}
      {loops && (
        <div class="card" data-testid="sim-loops">
          <h2>{t('simLoops')}</h2>
          <p class="muted small">
            {t('simLoopsNote')} ({name(out.runs[0] ?? { id: '' })}){loops.truncated ? ` ${t('simLoopsTruncated')}` : ''}
          </p>
          <ThreeLineTable
            caption={t('simPhases')}
            testId="sim-phases"
            columns={[
              { key: 'from', label: t('simFrom'), numeric: true, value: (p) => p.from, render: (p) => fmt(p.from, 2) },
              { key: 'to', label: t('simTo'), numeric: true, value: (p) => p.to, render: (p) => fmt(p.to, 2) },
              { key: 'loop', label: t('simLoop'), value: (p) => p.loop ?? '—' },
              {
                key: 'polarity',
                label: t('simPolarity'),
                value: (p) => loops.loops.find((l) => l.id === p.loop)?.polarity ?? '',
              },
              {
                key: 'variables',
                label: t('simLoopVariables'),
                value: (p) => loops.loops.find((l) => l.id === p.loop)?.variables.join(' → ') ?? '',
              },
            ]}
            rows={loops.phases}
          />
          {shownLoops.length > 0 && (
            <Chart
              label={t('simRelativeScores')}
              file="loop-dominance"
              height={300}
              option={{
                color: PALETTE,
                title: { text: t('simRelativeScores'), left: 'center', textStyle: { fontSize: 14 } },
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 60, right: 30, top: 40, bottom: 50 },
                xAxis: { type: 'value', min: out.model.specs.start, max: out.model.specs.stop },
                yAxis: { type: 'value', min: -1, max: 1 },
                series: shownLoops.map((l) => ({
                  id: l.id,
                  name: `${l.id} (${l.polarity})`,
                  type: 'line',
                  showSymbol: false,
                  data: loops.time.map((x, k) => [x, l.relative[k]]),
                })),
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
