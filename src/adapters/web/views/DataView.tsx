/** Data: the embedded panel or an uploaded file (drag and drop), roles, detected units / years / indicators, every problem. */
import { useState } from 'preact/hooks';
import { useStore } from '../store.ts';
import { useT } from '../hooks.ts';
import { loadDefault, rereadData, setRoles, specFromData, uploadFile } from '../actions.ts';
import { ProblemList } from '../components/ProblemList.tsx';
import { Select } from '../components/Select.tsx';
import { usedColumns } from '../../../core/measure/record.ts';

export function DataView() {
  const s = useStore();
  const { t, b } = useT();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer?.files?.[0];
    if (f) void uploadFile(f);
  };
  const sum = s.summary;
  const roles = s.roles;
  const ins = s.inspection;
  const long = roles?.shape === 'long';
  // columns the data offers: the header (wide) or the indicator names read from the indicator column (long)
  const present = long ? ins?.indicators : sum?.header;
  const missingCols = sum && present ? usedColumns(s.spec).columns.filter((c) => !present.includes(c)) : [];
  const free = sum && roles ? sum.header.filter((h) => h !== roles.unit && h !== roles.time) : [];
  const setShape = (shape: 'wide' | 'long') => {
    if (!roles || !sum) return;
    if (shape === 'wide') {
      void setRoles({ unit: roles.unit, time: roles.time, labels: roles.labels });
      return;
    }
    const g = sum.guess.shape === 'long' ? sum.guess : undefined;
    const indicator = g?.indicator && free.includes(g.indicator) ? g.indicator : (free[0] ?? '');
    const value = g?.value && free.includes(g.value) ? g.value : (free.find((h) => h !== indicator) ?? '');
    void setRoles({
      ...roles,
      shape,
      indicator,
      value,
      labels: roles.labels.filter((l) => l !== indicator && l !== value),
    });
  };
  return (
    <section aria-labelledby="h-data">
      <h1 id="h-data">{t('dataTitle')}</h1>
      <p class="intro">{t('dataIntro')}</p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void loadDefault()} data-testid="use-default">
          {t('useDefault')}
        </button>
      </div>
      <div
        class={`drop ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <span>{t('dropHere')} </span>
        <label class="file-label">
          <span class="button-like">{t('chooseFile')}</span>
          <input
            type="file"
            class="sr-only"
            accept=".csv,.tsv,.txt,.xlsx,.xlsm,.json"
            aria-label={t('fileInput')}
            data-testid="file-input"
            onChange={(e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0];
              if (f) void uploadFile(f);
            }}
          />
        </label>
      </div>
      {s.loadProblems?.length ? <ProblemList problems={s.loadProblems} testId="load-problems" /> : null}
      {sum && (
        <section class="card" aria-label={t('currentFile')}>
          <h2>
            {t('currentFile')}: <span data-testid="file-name">{sum.name}</span>
          </h2>
          <p class="muted">
            {t('rows')}: {sum.rows}
            {sum.encoding ? ` · ${t('encoding')}: ${sum.encoding}` : ''}
            {sum.sheet ? ` · ${t('sheet')}: ${sum.sheet}` : ''}
            {sum.skippedTitleRows?.length ? ` · ${t('titleRowsSkipped')}: ${sum.skippedTitleRows.join(', ')}` : ''}
          </p>
          {sum.sheets && (
            <div class="row wrap">
              {sum.sheets.length > 1 && (
                <Select
                  label={t('sheet')}
                  value={sum.sheet ?? sum.sheets[0]}
                  options={sum.sheets.map((x) => ({ value: x, label: x }))}
                  onChange={(sheet) => void rereadData({ sheet })}
                  testId="sheet-picker"
                />
              )}
              <span class="field">
                <label for="header-row">{t('headerRow')}</label>
                <input
                  id="header-row"
                  type="number"
                  min={1}
                  step={1}
                  value={sum.firstDataRow - 1}
                  data-testid="header-row"
                  onChange={(e) => {
                    const headerRow = Number((e.currentTarget as HTMLInputElement).value);
                    if (Number.isInteger(headerRow) && headerRow >= 1)
                      void rereadData({ ...(sum.sheet ? { sheet: sum.sheet } : {}), headerRow });
                  }}
                />
              </span>
            </div>
          )}
          {roles && (
            <div class="row wrap">
              <Select
                label={t('dataShape')}
                value={long ? 'long' : 'wide'}
                options={[
                  { value: 'wide', label: t('shapeWide') },
                  { value: 'long', label: t('shapeLong') },
                ]}
                onChange={setShape}
                testId="data-shape"
              />
              {long && (
                <Select
                  label={t('indicatorColumn')}
                  value={roles.indicator ?? ''}
                  options={free.map((h) => ({ value: h, label: h }))}
                  onChange={(v) =>
                    void setRoles({ ...roles, indicator: v, labels: roles.labels.filter((l) => l !== v) })
                  }
                  testId="indicator-col"
                />
              )}
              {long && (
                <Select
                  label={t('valueColumn')}
                  value={roles.value ?? ''}
                  options={free.map((h) => ({ value: h, label: h }))}
                  onChange={(v) => void setRoles({ ...roles, value: v, labels: roles.labels.filter((l) => l !== v) })}
                  testId="value-col"
                />
              )}
              <Select
                label={t('unitColumn')}
                value={roles.unit}
                options={sum.header.map((h) => ({ value: h, label: h }))}
                onChange={(v) => void setRoles({ ...roles, unit: v, labels: roles.labels.filter((l) => l !== v) })}
                testId="unit-col"
              />
              <Select
                label={t('timeColumn')}
                value={roles.time ?? ''}
                options={[{ value: '', label: t('noTime') }, ...sum.header.map((h) => ({ value: h, label: h }))]}
                onChange={(v) =>
                  void setRoles({ ...roles, time: v || null, labels: roles.labels.filter((l) => l !== v) })
                }
                testId="time-col"
              />
              <fieldset class="labels">
                <legend>{t('labelColumns')}</legend>
                {sum.header
                  .filter(
                    (h) =>
                      h !== roles.unit &&
                      h !== roles.time &&
                      (!long || (h !== roles.indicator && h !== roles.value)) &&
                      (ins ? !ins.indicators.includes(h) || roles.labels.includes(h) : true),
                  )
                  .slice(0, 12)
                  .map((h) => (
                    <label key={h} class="check">
                      <input
                        type="checkbox"
                        checked={roles.labels.includes(h)}
                        onChange={(e) =>
                          void setRoles({
                            ...roles,
                            labels: (e.currentTarget as HTMLInputElement).checked
                              ? [...roles.labels, h]
                              : roles.labels.filter((l) => l !== h),
                          })
                        }
                      />{' '}
                      {h}
                    </label>
                  ))}
              </fieldset>
            </div>
          )}
          {long && sum.guess.shape === 'long' && (
            <p class="muted small" data-testid="shape-detected">
              {t('shapeDetected')}
            </p>
          )}
          {ins && (
            <div class="detected" data-testid="detected">
              <h3>{t('detected')}</h3>
              <dl class="kv">
                <dt>{t('units')}</dt>
                <dd>
                  <span data-testid="n-units">{ins.units.length}</span> — {ins.units.slice(0, 12).join(', ')}
                  {ins.units.length > 12 ? ' …' : ''}
                </dd>
                <dt>{t('years')}</dt>
                <dd>
                  <span data-testid="n-times">{ins.times.length}</span> —{' '}
                  {ins.times.length ? `${ins.times[0]} … ${ins.times[ins.times.length - 1]}` : ''}
                </dd>
                <dt>{t(long ? 'indicatorsLong' : 'indicators')}</dt>
                <dd>
                  <span data-testid="n-indicators">{ins.indicators.length}</span> —{' '}
                  {ins.indicators.slice(0, 10).join(', ')}
                  {ins.indicators.length > 10 ? ' …' : ''}
                </dd>
                {ins.codes.length > 0 && (
                  <>
                    <dt>{t('codeColumns')}</dt>
                    <dd data-testid="code-columns">
                      {ins.codes.map((c) => (
                        <span key={c.column} title={b(c.reason)}>
                          {c.column}{' '}
                        </span>
                      ))}
                      <span class="muted small">— {t('codeColumnsNote')}</span>
                    </dd>
                  </>
                )}
              </dl>
              {ins.problems.some((p) => p.code === 'duplicate-row' && p.severity === 'error') && (
                <button
                  type="button"
                  data-testid="drop-duplicates"
                  onClick={() => roles && void setRoles({ ...roles, duplicates: 'keep-first' })}
                >
                  {t('dropDuplicates')}
                </button>
              )}
              <ProblemList problems={ins.problems} testId="data-problems" />
            </div>
          )}
          {missingCols.length > 0 && (
            <div class="notice" role="note">
              <p>
                {t('specMismatch')} ({missingCols.slice(0, 5).join(', ')}
                {missingCols.length > 5 ? ' …' : ''})
              </p>
              <button type="button" onClick={specFromData} data-testid="spec-from-data">
                {t('newSpecFromData')}
              </button>
            </div>
          )}
          <details>
            <summary>{t('preview')}</summary>
            <div class="table-wrap">
              <table class="three-line small">
                <thead>
                  <tr>
                    <th scope="col">{t('row')}</th>
                    {sum.header.map((h, i) => (
                      <th scope="col" key={i}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {sum.preview.map((r, i) => (
                    <tr key={i}>
                      <td class="num">{sum.firstDataRow + i}</td>
                      {r.map((c, j) => (
                        <td key={j}>{c === null ? '' : String(c)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      )}
      {s.specProblems?.length ? (
        <ProblemList problems={s.specProblems} title={t('specProblems')} testId="spec-problems" />
      ) : null}
    </section>
  );
}
