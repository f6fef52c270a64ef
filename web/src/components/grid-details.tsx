// What a coordinator needs to know about one grid: where, how big, and who is responsible.
import { useTranslation } from "react-i18next";
import type { GridDetailProperties, UnitRef } from "../api/types.ts";
import { formatArea } from "../format.ts";
import { Field, Fields } from "./fields.tsx";
import { PhoneLink } from "./phone-link.tsx";

function unitNames(units: readonly UnitRef[]): string[] {
  return units.map((unit) => unit.name);
}

export function GridDetails({ grid }: { grid: GridDetailProperties }) {
  const { t, i18n } = useTranslation();
  const none = t("panel.none");
  const supportUnits = unitNames(grid.supportUnits);
  return (
    <Fields>
      <Field label={t("grid.code")}>
        <span className="code">{grid.code}</span>
      </Field>
      <Field label={t("grid.name")}>{grid.name}</Field>
      <Field label={t("grid.area")}>
        {t("grid.areaValue", { value: formatArea(grid.areaM2, i18n.language) })}
      </Field>
      <Field label={t("grid.community")}>{grid.communityName}</Field>
      <Field label={t("grid.leadUnit")}>{grid.leadUnit?.name ?? none}</Field>
      <Field label={t("grid.supportUnits")}>
        {supportUnits.length ? (
          <ul className="plain">
            {supportUnits.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Field>
      <Field label={t("grid.leader")}>
        {grid.leader ? (
          <>
            {grid.leader.name} <PhoneLink number={grid.leader.mobile} />
          </>
        ) : (
          none
        )}
      </Field>
      <Field label={t("grid.volunteers")}>
        {t("grid.volunteerCount", { count: grid.volunteers.length })}
        {grid.volunteers.length > 0 && (
          <ul className="inline-list">
            {grid.volunteers.map((volunteer) => (
              <li key={volunteer.id}>{volunteer.name}</li>
            ))}
          </ul>
        )}
      </Field>
    </Fields>
  );
}
