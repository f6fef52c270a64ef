// A labelled form input with the API's message for it underneath.
import { type ReactNode, useId } from "react";

/** What the input needs to be tied to its label and its error message. */
export interface InputLink {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface Props {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (link: InputLink) => ReactNode;
}

export function FormField({ label, error, hint, children }: Props) {
  const id = useId();
  const messageId = `${id}-message`;
  const link: InputLink = error
    ? { id, "aria-invalid": true, "aria-describedby": messageId }
    : { id, ...(hint && { "aria-describedby": messageId }) };
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children(link)}
      {(error || hint) && (
        <small id={messageId} className={error ? "field-error" : "field-hint"}>
          {error || hint}
        </small>
      )}
    </div>
  );
}
