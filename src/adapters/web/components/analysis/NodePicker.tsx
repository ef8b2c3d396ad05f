/** Choose the variable (index or a scored node) an analysis works on. */
import type { EvaluationResult } from '../../../../core/measure/result.ts';
import { nodeName, scoredLevels } from '../../../report/hierarchy.ts';
import { useT } from '../../hooks.ts';
import { Select } from '../Select.tsx';

export function NodePicker(props: { result: EvaluationResult; value: string; onChange: (v: string) => void }) {
  const { t, lang } = useT();
  const ids = scoredLevels(props.result).flat();
  return (
    <Select
      label={t('variable')}
      value={props.value}
      options={ids.map((id) => ({ value: id, label: nodeName(props.result, id)[lang] }))}
      onChange={props.onChange}
    />
  );
}
