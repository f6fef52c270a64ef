// One of a few choices as radio buttons, each in its own label (put inside a fieldset with a legend).
interface Props<V extends string> {
  name: string;
  choices: readonly V[];
  value: V;
  labelOf: (choice: V) => string;
  onChange: (choice: V) => void;
  /** The chosen label's class, for segmented looks. */
  chosenClass?: string;
}

export function RadioChoices<V extends string>(props: Props<V>) {
  const { name, choices, value, labelOf, onChange, chosenClass } = props;
  return choices.map((choice) => (
    <label key={choice} className={choice === value ? chosenClass : undefined}>
      <input
        type="radio"
        name={name}
        value={choice}
        checked={choice === value}
        onChange={() => onChange(choice)}
      />
      {labelOf(choice)}
    </label>
  ));
}
