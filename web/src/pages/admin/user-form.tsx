// Creating an account, or changing one's name, mobile and role: one form for both.
import type { FormEvent } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/auth.ts";
import {
  type NewUser,
  type User,
  type UserChanges,
  useAccountsMutation,
  usersApi,
} from "../../api/users.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, FormField, InputField } from "../../components/form-field.tsx";
import { PasswordField } from "../../components/password-field.tsx";
import { RoleSelect } from "../../components/role-select.tsx";
import { SubmitButtons } from "../../components/submit-buttons.tsx";
import { UnitSelect } from "../../components/unit-select.tsx";
import { formValues } from "../../form-values.ts";

/** Roles tied to a unit or to a person (by the API's rules); others need neither. */
const needsUnit = (role: Role) => role === "unit_admin";
const needsPerson = (role: Role) => role === "grid_leader" || role === "volunteer";

const optionalId = (text: string | undefined) => (text ? Number(text) : null);

interface Props {
  /** The account to change; without it the form creates one. */
  user?: User;
  onDone: () => void;
}

export function UserForm({ user, onDone }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user?.role ?? "coordinator");
  const save = useAccountsMutation((body: UserChanges) =>
    user ? usersApi.update(user.id, body) : usersApi.create(body as NewUser),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const body: UserChanges & { username?: string } = {
      displayName: values.displayName ?? "",
      mobile: values.mobile || null,
      role,
      // A reference the role does not use is left as it is.
      ...(needsUnit(role) && { unitId: optionalId(values.unitId) }),
      ...(needsPerson(role) && { personId: optionalId(values.personId) }),
      ...(!user && { username: values.username ?? "", password: values.password ?? "" }),
    };
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <ApiForm className="dialog-form" onSubmit={onSubmit} error={save.error}>
      {save.error && <ErrorBanner message={save.error.message} />}
      {!user && (
        <InputField
          label={t("users.username")}
          hint={t("users.usernameRule")}
          name="username"
          autoCapitalize="none"
          spellCheck={false}
        />
      )}
      <InputField
        label={t("users.displayName")}
        name="displayName"
        defaultValue={user?.displayName}
      />
      <InputField
        label={t("users.mobile")}
        name="mobile"
        type="tel"
        inputMode="numeric"
        defaultValue={user?.mobile ?? ""}
      />
      <FormField label={t("users.role")} name="role">
        {(link) => (
          <RoleSelect {...link} value={role} onChange={(e) => setRole(e.target.value as Role)} />
        )}
      </FormField>
      {needsUnit(role) && (
        <FormField label={t("users.unit")} name="unitId">
          {(link) => <UnitSelect {...link} name="unitId" defaultValue={user?.unitId ?? ""} />}
        </FormField>
      )}
      {needsPerson(role) && (
        <InputField
          label={t("users.personId")}
          hint={t("users.personHint")}
          name="personId"
          type="number"
          min={1}
          step={1}
          defaultValue={user?.personId ?? ""}
        />
      )}
      {!user && <PasswordField label={t("users.initialPassword")} name="password" kind="new" />}
      <SubmitButtons
        label={user ? t("users.save") : t("users.create")}
        disabled={save.isPending}
        cancelLabel={t("users.cancel")}
        onCancel={onDone}
      />
    </ApiForm>
  );
}
