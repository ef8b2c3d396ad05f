/** Spatial weights choice (built from the bundled province boundaries, row-standardised). */
import type { WeightsKind } from '../../session.ts';
import { useT } from '../../hooks.ts';
import { Select } from '../Select.tsx';

export function WeightsPicker(props: { value: WeightsKind; onChange: (v: WeightsKind) => void }) {
  const { t } = useT();
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
      ]}
    />
  );
}
