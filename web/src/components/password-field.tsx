// A password input: the current one, or a new one (which states the rule) and its repetition.
import { useTranslation } from "react-i18next";
import { InputField } from "./form-field.tsx";

interface Props {
  label: string;
  /** A message of the page's own; the API's for `name` shows without it (see ApiForm). */
  error?: string | undefined;
  name: string;
  kind: "current" | "new" | "repeat";
  required?: boolean;
}

export function PasswordField({ kind, ...field }: Props) {
  const { t } = useTranslation();
  return (
    <InputField
      {...field}
      {...(kind === "new" && { hint: t("password.rule") })}
      type="password"
      autoComplete={kind === "current" ? "current-password" : "new-password"}
    />
  );
}
