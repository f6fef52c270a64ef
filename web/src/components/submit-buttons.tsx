// A form's closing row: its submit button (the primary one) and a cancel beside it.
interface Props {
  label: string;
  disabled?: boolean;
  cancelLabel: string;
  onCancel: () => void;
}

export function SubmitButtons({ label, disabled = false, cancelLabel, onCancel }: Props) {
  return (
    <div className="form-buttons">
      <button type="submit" className="primary" disabled={disabled}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
