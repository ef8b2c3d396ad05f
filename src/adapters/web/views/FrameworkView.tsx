/** Framework: the seeds' system as a graph and a tree; node details with citations and the indicators that measure them; diagnosis of a weak dimension. */
import { useMemo, useState } from 'preact/hooks';
import { loadFramework } from '../../../core/framework/model.ts';
import {
  ancestors,
  getNode,
  roots,
  search,
  subgraph,
  type IndicatorAttachment,
} from '../../../core/framework/query.ts';
import { useStore, getStore } from '../store.ts';
import { useT } from '../hooks.ts';
import { Select } from '../components/Select.tsx';
import { FrameworkGraph } from '../components/FrameworkGraph.tsx';
import { FrameworkTree } from '../components/FrameworkTree.tsx';
import { NodeDetail } from '../components/NodeDetail.tsx';
import { DiagnosisPanel } from '../components/DiagnosisPanel.tsx';

const SCOPES = ['all', 'seed.000', 'seed.001', 'seed.002', 'seed.003', 'seed.004'] as const;
type Scope = (typeof SCOPES)[number];

export function FrameworkView() {
  const s = useStore();
  const { t, lang } = useT();
  const full = loadFramework();
  const [mode, setMode] = useState<'tree' | 'graph'>('tree');
  const [scope, setScope] = useState<Scope>('all');
  const [query, setQuery] = useState('');
  const selected = s.frameworkNode ?? 'nqpf';
  const select = (id: string) => {
    if (getNode(full, id)) getStore().set({ frameworkNode: id });
  };
  const model = useMemo(() => (scope === 'all' ? full : subgraph(full, scope)), [scope]);
  const attachments: IndicatorAttachment[] = useMemo(
    () =>
      s.spec.indicators
        .filter((i) => i.framework && getNode(full, i.framework))
        .map((i) => ({ id: i.id, name: i.name ?? i.id, framework: i.framework! })),
    [s.spec],
  );
  const hits = query.trim() ? search(full, query, { limit: 12 }) : [];
  const open = useMemo(() => new Set(ancestors(full, selected).map((n) => n.id)), [selected]);
  return (
    <section aria-labelledby="h-fw">
      <h1 id="h-fw">{t('frameworkTitle')}</h1>
      <p class="intro">{t('frameworkIntro')}</p>
      {s.diagnosis && (
        <DiagnosisPanel
          model={full}
          spec={s.spec}
          result={s.result}
          unit={s.diagnosis.unit}
          node={s.diagnosis.node}
          {...(s.diagnosis.time !== undefined ? { time: s.diagnosis.time } : {})}
          onSelect={select}
        />
      )}
      <div class="row wrap">
        <div role="group" aria-label={t('graph') + ' / ' + t('treeView')} class="seg">
          <button
            type="button"
            aria-pressed={mode === 'tree'}
            onClick={() => setMode('tree')}
            data-testid="fw-tree-btn"
          >
            {t('treeView')}
          </button>
          <button
            type="button"
            aria-pressed={mode === 'graph'}
            onClick={() => setMode('graph')}
            data-testid="fw-graph-btn"
          >
            {t('graph')}
          </button>
        </div>
        <Select
          label={t('graphScope')}
          value={scope}
          options={SCOPES.map((x) => ({
            value: x,
            label: x === 'all' ? t('allSeeds') : (getNode(full, x)?.name[lang] ?? x),
          }))}
          onChange={setScope}
        />
        <span class="field">
          <label for="fw-search">{t('searchNodes')}</label>
          <input
            id="fw-search"
            type="search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
        </span>
      </div>
      {hits.length > 0 && (
        <ul class="hits">
          {hits.map((h) => (
            <li key={h.node.id}>
              <button
                type="button"
                class="link"
                onClick={() => {
                  select(h.node.id);
                  setQuery('');
                }}
              >
                {h.node.name[lang]}
              </button>{' '}
              <span class="muted small">{h.node.id}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="grid2 fw">
        <div class="card">
          {mode === 'graph' ? (
            <FrameworkGraph
              model={model}
              selected={selected}
              onSelect={select}
              title={`${t('frameworkTitle')} · ${scope === 'all' ? t('allSeeds') : scope}`}
            />
          ) : (
            <FrameworkTree
              model={model}
              roots={scope === 'all' ? roots(full) : [getNode(full, scope)!]}
              selected={selected}
              onSelect={select}
              open={open}
              label={t('treeView')}
            />
          )}
        </div>
        <NodeDetail model={full} id={selected} attachments={attachments} onSelect={select} />
      </div>
    </section>
  );
}
