// One unit: its contact details, its four responsible persons and the grids it answers for.
import { useTranslation } from "react-i18next";
import type { UnitDetailProperties } from "../api/types.ts";
import { Field, Fields } from "./fields.tsx";
import { PhoneLink } from "./phone-link.tsx";

export function UnitDetails({ unit }: { unit: UnitDetailProperties }) {
  const { t } = useTranslation();
  return (
    <>
      <Fields>
        <Field label={t("unit.name")}>{unit.name}</Field>
        <Field label={t("unit.kind")}>{t(`unitKind.${unit.kind}`)}</Field>
        <Field label={t("unit.address")}>{unit.address}</Field>
        <Field label={t("unit.phone")}>
          <PhoneLink number={unit.phone} />
        </Field>
      </Fields>
      <h3>{t("unit.responsible")}</h3>
      <ul className="people">
        {unit.responsible.map((person) => (
          <li key={person.duty}>
            <span className="duty">{t(`duty.${person.duty}`)}</span>
            <span>
              {person.name}
              {person.title && <span className="title"> · {person.title}</span>}
            </span>
            <PhoneLink number={person.mobile} />
          </li>
        ))}
      </ul>
      {unit.grids.length > 0 && (
        <>
          <h3>{t("unit.grids")}</h3>
          <ul className="plain">
            {unit.grids.map((grid) => (
              <li key={grid.id}>
                <span className="code">{grid.code}</span> · {t(`unit.role.${grid.role}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
