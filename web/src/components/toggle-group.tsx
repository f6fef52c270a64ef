// One of a few choices shown side by side as pressed/unpressed buttons (a filter's short cousin).
import type { ChoiceProps } from "./radio-choices.tsx";

interface Props<V extends string> extends ChoiceProps<V> {
  /** The group's name for screen readers. */
  label: string;
}

export function ToggleGroup<V extends string>({ label, choices, labelOf, state }: Props<V>) {
  const [value, onChange] = state;
  return (
    <fieldset className="toggle-group" aria-label={label}>
      {choices.map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={value === choice}
          onClick={() => onChange(choice)}
        >
          {labelOf(choice)}
        </button>
      ))}
    </fieldset>
  );
}
