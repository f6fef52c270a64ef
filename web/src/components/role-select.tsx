// A <select> of the roles by their Chinese (or English) names; optionally "all roles" first.
import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { roles } from "../api/auth.ts";

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  allLabel?: string;
}

export function RoleSelect({ allLabel, ...select }: Props) {
  const { t } = useTranslation();
  return (
    <select {...select}>
      {allLabel && <option value="">{allLabel}</option>}
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </select>
  );
}
