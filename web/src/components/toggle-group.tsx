// One of a few choices shown side by side as pressed/unpressed buttons (a filter's short cousin).
interface Props<V extends string> {
  /** The group's name for screen readers. */
  label: string;
  choices: readonly V[];
  value: V;
  /** The words on each choice's button. */
  labelOf: (choice: V) => string;
  onChange: (choice: V) => void;
}

export function ToggleGroup<V extends string>({
  label,
  choices,
  value,
  labelOf,
  onChange,
}: Props<V>) {
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
