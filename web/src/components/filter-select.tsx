// A filter's drop-down: "all" (no filter) first, then each choice; choosing "all" gives undefined.
import { Options } from "./options.tsx";

interface Props {
  /** The drop-down's name for screen readers (it has no visible label). */
  label: string;
  value: string | number | undefined;
  /** The words for no filter, e.g. "全部状态". */
  all: string;
  options: readonly { value: string | number; label: string }[];
  onChange: (value: string | undefined) => void;
}

export function FilterSelect({ label, value, all, options, onChange }: Props) {
  return (
    <select
      aria-label={label}
      value={value ?? ""}
      onChange={(event) => onChange(event.target.value || undefined)}
    >
      <option value="">{all}</option>
      <Options items={options} value={(option) => option.value} label={(option) => option.label} />
    </select>
  );
}
