// One of a few choices as radio buttons, each in its own label (put inside a fieldset with a legend).
/** One of a few choices: what they are, their words, and the chosen one with its setter. */
export interface ChoiceProps<V extends string> {
  choices: readonly V[];
  labelOf: (choice: V) => string;
  /** [chosen, choose], as useState gives them. */
  state: readonly [V, (choice: V) => void];
}

interface Props<V extends string> extends ChoiceProps<V> {
  name: string;
  /** The chosen label's class, for segmented looks. */
  chosenClass?: string;
}

export function RadioChoices<V extends string>(props: Props<V>) {
  const { name, choices, labelOf, state, chosenClass } = props;
  const [value, onChange] = state;
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
