// Resetting someone's password: they must change it at their next sign-in.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { type User, useAccountsMutation, usersApi } from "../../api/users.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm } from "../../components/form-field.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { SubmitButtons } from "../../components/submit-buttons.tsx";
import { formValues } from "../../form-values.ts";

interface Props {
  user: User;
  onDone: () => void;
  onCancel: () => void;
}

export function PasswordResetForm({ user, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const reset = useAccountsMutation((password: string) => usersApi.update(user.id, { password }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    reset.mutate(formValues(event.currentTarget).password ?? "", { onSuccess: onDone });
  };

  return (
    <ApiForm className="dialog-form" onSubmit={onSubmit} error={reset.error}>
      <p className="form-note">{t("users.resetNote", { name: user.displayName })}</p>
      {reset.error && <ErrorBanner message={reset.error.message} />}
      <PasswordField label={t("password.new")} name="password" kind="new" />
      <SubmitButtons
        label={t("users.reset")}
        disabled={reset.isPending}
        cancelLabel={t("users.cancel")}
        onCancel={onCancel}
      />
    </ApiForm>
  );
}
