/**
 * Robustness of the ranking: ranks under entropy, CRITIC and equal weights side by side (core/measure/robustness.ts),
 * and a sentence for each unit that moves, or for a large panel (report/large-panel.ts) how many move.
 */
import type { EvaluationResult } from '../../../core/measure/result.ts';
import { weightMethodName } from '../../../core/measure/robustness.ts';
import { isLargePanel, movedCountSentences } from '../../report/large-panel.ts';
import { unitLabel, useT } from '../hooks.ts';
import { ThreeLineTable } from './ThreeLineTable.tsx';

export function RobustnessPanel(props: { result: EvaluationResult }) {
  const { lang } = useT();
  const r = props.result.robustness;
  if (!r || r.rows.length === 0) return null;
  const zh = lang === 'zh';
  const time = String(r.rows[0].time);
  // a firm panel: how many move instead of a sentence for each (the table, sortable by the shift, lists them all)
  const sentences = isLargePanel(props.result) ? movedCountSentences(r) : r.sentences;
  const rankUnder = (m: string) => (zh ? `${weightMethodName(m).zh}排名` : `Rank (${weightMethodName(m).en})`);
  return (
    <section class="card" aria-labelledby="h-robust" data-testid="robustness">
      <h2 id="h-robust">{zh ? `排名的稳健性 · ${time}` : `Robustness of the ranking · ${time}`}</h2>
      <ThreeLineTable
        caption={
          zh
            ? `不同赋权方法下的排名（变动超过 ${r.options.threshold} 位者见下文）`
            : `Ranks under different weighting methods (units moving more than ${r.options.threshold} places are named below)`
        }
        rows={r.rows}
        sort={{ key: 'nominal', dir: 'asc' }}
        maxHeight={420}
        find={(x) => `${x.unit} ${unitLabel(x.unit, lang)}`}
        columns={[
          { key: 'nominal', label: zh ? '名义排名' : 'Nominal rank', numeric: true, value: (x) => x.nominalRank },
          { key: 'unit', label: zh ? '单位' : 'Unit', value: (x) => unitLabel(x.unit, lang) },
          ...r.options.methods.map((m) => ({
            key: m,
            label: rankUnder(m),
            numeric: true,
            value: (x: (typeof r.rows)[number]) => x.ranks[m],
          })),
          { key: 'shift', label: zh ? '排名变动（位）' : 'Rank shift (places)', numeric: true, value: (x) => x.shift },
        ]}
      />
      {sentences.map((s, i) => (
        <p key={i}>{s[lang]}</p>
      ))}
    </section>
  );
}
