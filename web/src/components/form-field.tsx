// A labelled form input with the API's message for it underneath.
import { type InputHTMLAttributes, type ReactNode, useId } from "react";

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

type InputFieldProps = Omit<Props, "children"> &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "children">;

/** The commonest field: a labelled plain input, its props as given. */
export function InputField({ label, error, hint, ...input }: InputFieldProps) {
  return (
    <FormField label={label} error={error} {...(hint !== undefined && { hint })}>
      {(link) => <input {...link} {...input} />}
    </FormField>
  );
}
