/** Problems (errors and warnings) as a table: severity, row, column, message, fix. */
import type { Problem } from '../../../core/errors.ts';
import { useT } from '../hooks.ts';

export function ProblemList(props: { problems: Problem[]; title?: string; max?: number; testId?: string }) {
  const { t, lang } = useT();
  const shown = props.problems.slice(0, props.max ?? 200);
  const errs = props.problems.filter((p) => p.severity === 'error').length;
  const warns = props.problems.length - errs;
  return (
    <section class="problems" aria-label={props.title ?? t('problems')} data-testid={props.testId ?? 'problems'}>
      <h3>
        {props.title ?? t('problems')}{' '}
        <span class="muted">
          ({errs} {t('errors')}, {warns} {t('warnings')})
        </span>
      </h3>
      {props.problems.length === 0 ? (
        <p>{t('noProblems')}</p>
      ) : (
        <div class="table-wrap" style={{ maxHeight: '320px' }}>
          <table class="three-line problems-table">
            <thead>
              <tr>
                <th scope="col">{t('severity')}</th>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('message')}</th>
                <th scope="col">{t('fix')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i} class={p.severity}>
                  <td class={p.severity === 'error' ? 'err' : 'warn'}>
                    {p.severity === 'error' ? t('error') : t('warning')}
                  </td>
                  <td class="num">{p.row ?? '—'}</td>
                  <td>{p.column ?? '—'}</td>
                  <td>
                    {p.message[lang]}
                    {p.unit !== undefined ? ` (${p.unit}${p.time !== undefined ? ` ${p.time}` : ''})` : ''}
                  </td>
                  <td>{p.fix?.[lang] ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
