/**
 * Report sections (title + HTML built by the report modules from a results
 * object: TFP, self-assessment, QCA) shown as cards, with the report's
 * three-line table and figure styles. The HTML is the report's own markup,
 * escaped where it was built; nothing is computed here.
 */
import type { ReportSection } from '../../report/html.ts';
import { FIGURE_CSS } from '../../report/charts.ts';
import { THREE_LINE_CSS } from '../../report/tables.ts';
import type { Lang } from '../i18n.ts';

export function ReportSections(props: { sections: ReportSection[]; lang: Lang }) {
  return (
    <>
      <style>{THREE_LINE_CSS + FIGURE_CSS}</style>
      {props.sections.map((sec) => (
        <div class="card report-section" key={sec.id} data-section={sec.id}>
          <h2>{sec.title[props.lang]}</h2>
          <div class="report-scroll" dangerouslySetInnerHTML={{ __html: sec.html }} />
        </div>
      ))}
    </>
  );
}
