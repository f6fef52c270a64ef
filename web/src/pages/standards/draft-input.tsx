// One text of a draft standard, edited in place (a table cell, a category's heading). Its label is
// for screen readers (the column heading shows it); a problem with it is shown beside its row
// (see FieldProblems), which `problemId` points to.
interface Props {
  label: string;
  value: string;
  /** The id of the message saying what is wrong with it; the input is marked invalid. */
  problemId?: string | undefined;
  /** A textarea that grows with its text, for checklists and evidence. */
  multiline?: boolean;
  inputMode?: "numeric" | "decimal";
  className?: string;
  onChange: (value: string) => void;
}

export function DraftInput(props: Props) {
  const { label, value, problemId, multiline, inputMode, className, onChange } = props;
  const link = {
    "aria-label": label,
    ...(problemId && { "aria-invalid": true, "aria-describedby": problemId }),
    value,
  } as const;
  return (
    <div className={className ? `draft-input ${className}` : "draft-input"}>
      {multiline ? (
        <textarea {...link} rows={1} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...link} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}
