/** A labelled group of checkboxes for choosing several columns (regressors, inputs, conditions, …). */
export function Checks(props: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  value: string[];
  onChange: (v: string[]) => void;
  testId: string;
}) {
  return (
    <fieldset class="labels" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="check">
          <input
            type="checkbox"
            value={o.value}
            checked={props.value.includes(o.value)}
            onChange={(e) =>
              props.onChange(
                (e.currentTarget as HTMLInputElement).checked
                  ? [...props.value, o.value]
                  : props.value.filter((v) => v !== o.value),
              )
            }
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
