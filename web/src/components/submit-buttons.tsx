// A form's submit button (the primary one), alone or with a cancel beside it; and the note that
// says it worked.
import type { ReactNode } from "react";

export function SubmitButton({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="primary" disabled={disabled}>
      {children}
    </button>
  );
}

/** What a form says once its request went through (read out by screen readers). */
export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <p className="success" role="status">
      {children}
    </p>
  );
}

interface Props {
  label: string;
  disabled?: boolean;
  cancelLabel: string;
  onCancel: () => void;
}

export function SubmitButtons({ label, disabled = false, cancelLabel, onCancel }: Props) {
  return (
    <div className="form-buttons">
      <SubmitButton disabled={disabled}>{label}</SubmitButton>
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  );
}
