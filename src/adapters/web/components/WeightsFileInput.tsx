/** The button that uploads a spatial weights file (edge list, CSV / XLSX / JSON), shared by the analysis and estimation pages. */
import { uploadWeightsFile } from '../actions.ts';
import { useT } from '../hooks.ts';

export function WeightsFileInput(props: { testId: string }) {
  const { t } = useT();
  return (
    <label class="file-label">
      <span class="button-like">{t('uploadWeights')}</span>
      <input
        type="file"
        class="sr-only"
        accept=".csv,.tsv,.txt,.xlsx,.json"
        data-testid={props.testId}
        onChange={(e) => {
          const f = (e.currentTarget as HTMLInputElement).files?.[0];
          if (f) void uploadWeightsFile(f);
        }}
      />
    </label>
  );
}
