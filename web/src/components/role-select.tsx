// A <select> of the roles by their Chinese (or English) names; optionally "all roles" first.
import type { SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { roles } from "../api/auth.ts";
import { Options } from "./options.tsx";

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  allLabel?: string;
}

export function RoleSelect({ allLabel, ...select }: Props) {
  const { t } = useTranslation();
  return (
    <select {...select}>
      {allLabel && <option value="">{allLabel}</option>}
      <Options items={roles} label={(role) => t(`role.${role}`)} />
    </select>
  );
}
