// The legend: rectification status colours, the overdue ring, lead hospitals and point kinds.
import { useTranslation } from "react-i18next";
import type { PointKind, ProblemStatus } from "../api/types.ts";
import { overdueColour, pointKindColours, statusColours } from "../map/colours.ts";
import { Swatch } from "./swatch.tsx";

interface Props {
  leadUnits: ReadonlyArray<{ unitId: number; colour: string; name: string; shortName: string }>;
  open: boolean;
  /** Problems come from tiles: at city zoom they are dots standing for several. */
  problemCells?: boolean;
}

const statuses = Object.keys(statusColours) as ProblemStatus[];
const pointKinds = Object.keys(pointKindColours) as PointKind[];

export function Legend({ leadUnits, open, problemCells = false }: Props) {
  const { t } = useTranslation();
  return (
    <details className="map-box legend" open={open}>
      <summary>{t("legend.title")}</summary>
      <h3>{t("legend.status")}</h3>
      <ul>
        {statuses.map((status) => (
          <li key={status}>
            <Swatch colour={statusColours[status]} />
            {t(`status.${status}`)}
          </li>
        ))}
        <li>
          <Swatch colour="#ffffff" ring={overdueColour} />
          {t("legend.overdue")}
        </li>
        {problemCells && (
          <li>
            <Swatch colour={overdueColour} />
            {t("legend.problemCells")}
          </li>
        )}
      </ul>
      <h3>{t("legend.leadUnits")}</h3>
      <ul>
        {leadUnits.map((unit) => (
          <li key={unit.unitId} title={unit.name}>
            <Swatch colour={unit.colour} shape="square" />
            {unit.shortName || unit.name}
          </li>
        ))}
      </ul>
      <h3>{t("legend.pointKinds")}</h3>
      <ul>
        {pointKinds.map((kind) => (
          <li key={kind}>
            <Swatch colour={pointKindColours[kind]} />
            {t(`pointKind.${kind}`)}
          </li>
        ))}
      </ul>
    </details>
  );
}
