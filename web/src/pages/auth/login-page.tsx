// The sign-in page: shown whenever nobody is signed in; the app returns to where the user was.
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { configQuery } from "../../api/config-query.ts";
import { useSignIn } from "../../api/use-session.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, InputField } from "../../components/form-field.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { Link } from "../../components/link.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";
import { formValues } from "../../form-values.ts";

/** `notice` says why the user was signed out (session expired, account disabled), if they were. */
export function LoginPage({ notice }: { notice?: string | undefined }) {
  const { t } = useTranslation();
  const config = useQuery(configQuery());
  const signIn = useSignIn();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { username = "", password = "" } = formValues(event.currentTarget);
    signIn.mutate({ username, password });
  };

  return (
    <div className="login-page">
      <LanguageSwitch />
      <ApiForm className="login-card" onSubmit={onSubmit} error={signIn.error}>
        <h1>{t("app.name")}</h1>
        <p className="login-product">CivGrid</p>
        <p className="login-subtitle">
          {config.data
            ? t("auth.subtitleCity", { city: config.data.city.name })
            : t("auth.subtitle")}
        </p>
        {signIn.error ? (
          <ErrorBanner message={signIn.error.message} />
        ) : (
          notice && <p className="login-notice">{notice}</p>
        )}
        <InputField
          label={t("auth.username")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <PasswordField label={t("auth.password")} name="password" kind="current" required />
        <SubmitButton disabled={signIn.isPending}>
          {signIn.isPending ? t("auth.signingIn") : t("auth.signIn")}
        </SubmitButton>
      </ApiForm>
      <Link to="/report" className="citizen-link">
        {t("citizen.loginLink")}
      </Link>
    </div>
  );
}
