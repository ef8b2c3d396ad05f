/** The paper's first table: descriptive statistics and the correlation matrix (lower triangle, stars) from core describe. */
import { type DescribeResult, stars } from '../../../core/analysis/describe.ts';
import { fmt, useT } from '../hooks.ts';
import { ThreeLineTable } from './ThreeLineTable.tsx';
import { Select } from './Select.tsx';
import { useState } from 'preact/hooks';

export function DescribeTables(props: { result: DescribeResult; label: (v: string) => string }) {
  const { t } = useT();
  const d = props.result;
  const corrRows = d.variables.map((v, i) => ({ v, i }));
  const [when, setWhen] = useState('all');
  const block = d.byTime?.find((b) => String(b.time) === when);
  const rows = block ? block.rows : d.overall;
  return (
    <div class="card" data-testid="describe">
      {d.byTime && d.byTime.length > 1 && (
        <Select
          label={t('year')}
          value={when}
          options={[
            { value: 'all', label: t('allYears') },
            ...d.byTime.map((b) => ({ value: String(b.time), label: String(b.time) })),
          ]}
          onChange={setWhen}
          testId="describe-year"
        />
      )}
      <ThreeLineTable
        caption={`${t('describeTitle')} · ${block ? String(block.time) : t('allYears')}`}
        testId="describe-table"
        rows={rows}
        columns={[
          { key: 'variable', label: t('term'), value: (x) => props.label(x.variable) },
          { key: 'n', label: 'N', numeric: true, value: (x) => x.n },
          { key: 'mean', label: t('mean'), numeric: true, value: (x) => x.mean, render: (x) => fmt(x.mean) },
          { key: 'sd', label: t('sd'), numeric: true, value: (x) => x.sd, render: (x) => fmt(x.sd) },
          { key: 'min', label: t('min'), numeric: true, value: (x) => x.min, render: (x) => fmt(x.min) },
          { key: 'max', label: t('max'), numeric: true, value: (x) => x.max, render: (x) => fmt(x.max) },
        ]}
      />
      {rows.some((r) => r.missing > 0) && (
        <p class="muted small">
          {t('missingLeftOut')}:{' '}
          {rows
            .filter((r) => r.missing > 0)
            .map((r) => `${props.label(r.variable)} ${r.missing}`)
            .join(' · ')}
        </p>
      )}
      <ThreeLineTable
        caption={t('correlationTitle')}
        testId="correlation-table"
        rows={corrRows}
        columns={[
          { key: 'variable', label: t('term'), value: (x) => `(${x.i + 1}) ${props.label(x.v)}` },
          ...d.variables.map((_, j) => ({
            key: `c${j}`,
            label: `(${j + 1})`,
            numeric: true,
            value: (x: { i: number }) => (j <= x.i ? d.correlation[x.i][j].r : null),
            render: (x: { i: number }) => {
              if (j > x.i) return '';
              const c = d.correlation[x.i][j];
              return j === x.i ? '1' : `${fmt(c.r, 3)}${stars(c.p)}`;
            },
          })),
        ]}
      />
      <p class="muted small">{t('correlationNote')}</p>
    </div>
  );
}
