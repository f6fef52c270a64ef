// Changing one's own password; also the only page until an initial or reset password is changed.
import type { FormEvent } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useChangePassword } from "../../api/use-session.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm } from "../../components/form-field.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { SubmitButton, SuccessNote } from "../../components/submit-buttons.tsx";
import { formValues } from "../../form-values.ts";

export function PasswordPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [mismatch, setMismatch] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { currentPassword = "", newPassword = "", repeatPassword = "" } = formValues(form);
    setMismatch(newPassword !== repeatPassword);
    if (newPassword !== repeatPassword) return;
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => form.reset() });
  };

  return (
    <div className="page">
      <ApiForm className="form-card" onSubmit={onSubmit} error={change.error}>
        <h2>{required ? t("password.requiredHeading") : t("password.heading")}</h2>
        {required && <p className="form-note">{t("password.requiredNote")}</p>}
        {change.error && <ErrorBanner message={change.error.message} />}
        {change.isSuccess && !required && <SuccessNote>{t("password.changed")}</SuccessNote>}
        <PasswordField label={t("password.current")} name="currentPassword" kind="current" />
        <PasswordField label={t("password.new")} name="newPassword" kind="new" />
        <PasswordField
          label={t("password.repeat")}
          error={mismatch ? t("password.mismatch") : undefined}
          name="repeatPassword"
          kind="repeat"
        />
        <SubmitButton disabled={change.isPending}>{t("password.submit")}</SubmitButton>
      </ApiForm>
    </div>
  );
}
