// A filter's period: two dates, from and to (either may be left empty).
type Change = Partial<Record<"from" | "to", string | undefined>>;

interface Props {
  /** The words before each date, e.g. "从" and "至". */
  labels: readonly [string, string];
  from: string;
  to: string;
  /** Called with the date changed; an emptied date gives undefined. */
  onChange: (change: Change) => void;
}

export function DateRange({ labels: [fromLabel, toLabel], from, to, onChange }: Props) {
  return (
    <>
      <label className="check">
        {fromLabel}
        <input
          type="date"
          value={from}
          onChange={(event) => onChange({ from: event.target.value || undefined })}
        />
      </label>
      <label className="check">
        {toLabel}
        <input
          type="date"
          value={to}
          onChange={(event) => onChange({ to: event.target.value || undefined })}
        />
      </label>
    </>
  );
}
