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

export function DateRange({ labels, from, to, onChange }: Props) {
  const ends = [
    ["from", labels[0], from],
    ["to", labels[1], to],
  ] as const;
  return (
    <>
      {ends.map(([end, label, value]) => (
        <label key={end} className="check">
          {label}
          <input
            type="date"
            value={value}
            onChange={(event) => onChange({ [end]: event.target.value || undefined })}
          />
        </label>
      ))}
    </>
  );
}
