/** A labelled select. */
import { useId } from 'preact/hooks';

export function Select<V extends string>(props: {
  label: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  onChange: (v: V) => void;
  testId?: string;
  hideLabel?: boolean;
}) {
  const id = useId();
  return (
    <span class="field">
      <label for={id} class={props.hideLabel ? 'sr-only' : ''}>
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        data-testid={props.testId}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as V)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
