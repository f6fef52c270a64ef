// The legend: rectification status colours, the overdue ring, lead hospitals and point kinds.
import { useTranslation } from "react-i18next";
import type { PointKind, ProblemStatus } from "../api/types.ts";
import { overdueColour, pointKindColours, statusColours } from "../map/colours.ts";
import { Swatch, type SwatchProps } from "./swatch.tsx";

interface Props {
  leadUnits: ReadonlyArray<{ unitId: number; colour: string; name: string; shortName: string }>;
  open: boolean;
  /** Problems come from tiles: at city zoom they are dots standing for several. */
  problemCells?: boolean;
}

const statuses = Object.keys(statusColours) as ProblemStatus[];
const pointKinds = Object.keys(pointKindColours) as PointKind[];

/** One line of the legend: a colour sample and what it stands for. */
interface Entry {
  key: string;
  label: string;
  title?: string;
  swatch: SwatchProps;
}

export function Legend({ leadUnits, open, problemCells = false }: Props) {
  const { t } = useTranslation();
  const statusEntries: Entry[] = [
    ...statuses.map((s) => ({
      key: s,
      label: t(`status.${s}`),
      swatch: { colour: statusColours[s] },
    })),
    {
      key: "overdue",
      label: t("legend.overdue"),
      swatch: { colour: "#ffffff", ring: overdueColour },
    },
  ];
  if (problemCells)
    statusEntries.push({
      key: "cells",
      label: t("legend.problemCells"),
      swatch: { colour: overdueColour },
    });
  return (
    <details className="map-box legend" open={open}>
      <summary>{t("legend.title")}</summary>
      <LegendSection heading={t("legend.status")} entries={statusEntries} />
      <LegendSection
        heading={t("legend.leadUnits")}
        entries={leadUnits.map((unit) => ({
          key: String(unit.unitId),
          label: unit.shortName || unit.name,
          title: unit.name,
          swatch: { colour: unit.colour, shape: "square" },
        }))}
      />
      <LegendSection
        heading={t("legend.pointKinds")}
        entries={pointKinds.map((kind) => ({
          key: kind,
          label: t(`pointKind.${kind}`),
          swatch: { colour: pointKindColours[kind] },
        }))}
      />
    </details>
  );
}

function LegendSection({ heading, entries }: { heading: string; entries: readonly Entry[] }) {
  return (
    <>
      <h3>{heading}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key} title={entry.title}>
            <Swatch {...entry.swatch} />
            {entry.label}
          </li>
        ))}
      </ul>
    </>
  );
}
