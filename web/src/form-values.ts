// Reading a submitted form: the text of each named input, trimmed unless it is a password.

/** The form's text values by input name, e.g. {username: "admin"}; missing names read as "". */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    const input = form.elements.namedItem(name);
    const secret = input instanceof HTMLInputElement && input.type === "password";
    values[name] = secret ? value : value.trim();
  }
  return values;
}
