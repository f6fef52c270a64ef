// A <select> of the city's units by name, e.g. for the unit a unit admin manages.
import { useQuery } from "@tanstack/react-query";
import { type SelectHTMLAttributes, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { queries } from "../api/queries.ts";
import { Options } from "./options.tsx";

export function UnitSelect(select: SelectHTMLAttributes<HTMLSelectElement>) {
  const { t, i18n } = useTranslation();
  const units = useQuery(queries.units());
  const sorted = useMemo(
    () =>
      (units.data?.features ?? [])
        .map((feature) => feature.properties)
        .sort((a, b) => a.name.localeCompare(b.name, i18n.language)),
    [units.data, i18n.language],
  );
  return (
    <select {...select} key={sorted.length /* defaultValue applies once the options are there */}>
      <option value="">{units.isPending ? t("app.loading") : t("users.pickUnit")}</option>
      <Options items={sorted} value={(unit) => unit.id} label={(unit) => unit.name} />
    </select>
  );
}
