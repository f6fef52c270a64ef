// A labelled form input with the API's message for it underneath.
import {
  type ChangeEvent,
  createContext,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  useContext,
  useId,
} from "react";
import { fieldErrors } from "../api/client.ts";

/** The API's refusals of a form's fields, by field name. */
const FieldErrors = createContext<Record<string, string>>({});

type ApiFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "noValidate"> & {
  /** The request's error: each field below shows its own refusal, found by its name. */
  error: unknown;
  ref?: Ref<HTMLFormElement>;
};

/** A form the API checks (so not the browser): its fields read their messages from `error`. */
export function ApiForm({ error, ...form }: ApiFormProps) {
  return (
    <FieldErrors value={fieldErrors(error)}>
      <form {...form} noValidate />
    </FieldErrors>
  );
}

/** What the input needs to be tied to its label and its error message. */
export interface InputLink {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface Props {
  label: string;
  /** The field's name in the API's answer, for its message there (when `error` is not given). */
  name?: string | undefined;
  error?: string | undefined;
  hint?: string;
  children: (link: InputLink) => ReactNode;
}

export function FormField({ label, name, hint, children, ...props }: Props) {
  const id = useId();
  const apiErrors = useContext(FieldErrors);
  // A field given `error` (even undefined) shows that alone; the API's message for it is shown
  // elsewhere, e.g. with a sheet's refusals.
  const error = "error" in props ? props.error : name === undefined ? undefined : apiErrors[name];
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
export function InputField({ label, hint, ...props }: InputFieldProps) {
  const { error, ...input } = props;
  return (
    <FormField
      label={label}
      name={input.name}
      {...("error" in props && { error })}
      {...(hint !== undefined && { hint })}
    >
      {(link) => <input {...link} {...input} />}
    </FormField>
  );
}

/** A whole number from 1 up (a count of days, a problem's number), typed on the numeric keypad. */
export function CountField(props: Omit<InputFieldProps, "type" | "inputMode" | "min">) {
  return <InputField {...props} type="number" inputMode="numeric" min={1} />;
}

/**
 * A controlled input's value and change, for `{...controlled(value, setValue)}`; `parse` reads
 * what was typed (Number for a number input).
 */
export function controlled<T extends string | number>(
  value: T,
  set: (value: T) => void,
  parse: (text: string) => T = (text) => text as T,
) {
  return { value, onChange: (e: ChangeEvent<HTMLInputElement>) => set(parse(e.target.value)) };
}
