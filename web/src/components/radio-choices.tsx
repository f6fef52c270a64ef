// One of a few choices as radio buttons, each in its own label (put inside a fieldset with a legend).
/** One of a few choices: what they are, which is chosen, their words and the change. */
export interface ChoiceProps<V extends string> {
  choices: readonly V[];
  value: V;
  labelOf: (choice: V) => string;
  onChange: (choice: V) => void;
}

interface Props<V extends string> extends ChoiceProps<V> {
  name: string;
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
