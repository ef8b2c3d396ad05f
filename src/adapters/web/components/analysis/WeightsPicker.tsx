/** Spatial weights choice (built from the bundled province boundaries, or the uploaded edge list; row-standardised). */
import type { WeightsKind } from '../../session.ts';
import { useT } from '../../hooks.ts';
import { Select } from '../Select.tsx';
import { useStore } from '../../store.ts';

export function WeightsPicker(props: { value: WeightsKind; onChange: (v: WeightsKind) => void }) {
  const { t } = useT();
  const { weightsFile } = useStore();
  const file = weightsFile && !weightsFile.problems ? weightsFile : undefined;
  return (
    <Select
      label={t('spatialWeights')}
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: 'queen', label: t('queen') },
        { value: 'rook', label: t('rook') },
        { value: 'knn:4', label: t('knn4') },
        { value: 'idw', label: t('idw') },
        ...(file ? [{ value: 'file' as const, label: `${t('weightsFromFile')}: ${file.name}` }] : []),
      ]}
    />
  );
}
