// Composes the community's grid division map (网格分工图) as a sheet ready to print.
import { CHINA_TIME_ZONE, maskMobile } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GridFeature } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import { formatArea } from "../../../format.ts";
import { noLeadUnitColour } from "../../../map/colours.ts";
import { labelPoints } from "../../../map/label-points.ts";
import { composeSheet, mapBox, type SheetGrid } from "../../../map/print/print-sheet.ts";
import { printStyle } from "../../../map/print/print-style.ts";
import type { Sheet } from "../../../map/print/sheet-text.ts";
import { useLeadUnits } from "../../../map/use-lead-units.ts";
import type { Community } from "./mode-panel.tsx";

export type SheetState = { sheet: Sheet; title: string } | { error: Error } | null;

export function usePrintSheet(community: Community, grids: GridFeature[]): SheetState {
  const { t, i18n } = useTranslation();
  const leadUnits = useLeadUnits();
  const city = useQuery(queries.config()).data?.city.name ?? "";
  const division = useQuery(queries.division(community.id)).data?.rows;
  const [state, setState] = useState<SheetState>(null);

  useEffect(() => {
    if (!leadUnits || !division) return;
    let current = true;
    const colourOf = new Map(leadUnits.map((unit) => [unit.unitId, unit.colour]));
    const leaderOf = new Map(division.map((row) => [row.gridId, row]));
    const ordered = [...grids].sort((a, b) => a.properties.code.localeCompare(b.properties.code));
    const rows: SheetGrid[] = ordered.map(({ properties: grid }) => {
      const leader = leaderOf.get(grid.id);
      return {
        code: grid.code,
        areaM2: grid.areaM2,
        colour: (grid.leadUnitId !== null && colourOf.get(grid.leadUnitId)) || noLeadUnitColour,
        leadUnit: grid.leadUnitName ?? t("print.noLead"),
        leadUnitShort: grid.leadUnitShortName ?? "",
        // a handed-out sheet: the phone masked whoever prints it (PIPL)
        leader: leader?.leader
          ? `${leader.leader} ${leader.leaderMobile ? maskMobile(leader.leaderMobile) : ""}`.trim()
          : t("print.noLeader"),
      };
    });
    const name = community.properties.name;
    const title = t("print.title", { community: name });
    const totalArea = grids.reduce((sum, grid) => sum + grid.properties.areaM2, 0);
    const collection = { type: "FeatureCollection" as const, features: ordered };
    const style = printStyle({ community, grids: collection, colours: leadUnits });
    const anchors = labelPoints(collection).features.map(
      (point) => point.geometry.coordinates as [number, number],
    );
    const numbers = new Intl.NumberFormat(i18n.language);
    // the printing map brings maplibre: loaded when a sheet is asked for (issue 22)
    import("../../../map/print/print-map.ts")
      .then(({ renderMapPicture }) =>
        renderMapPicture(
          style,
          community,
          { width: mapBox.width / 2, height: mapBox.height / 2, pixelRatio: 2 },
          anchors,
        ),
      )
      .then((map) =>
        composeSheet(map, rows, {
          title,
          subtitle: t("print.subtitle", {
            street: community.properties.streetName,
            count: grids.length,
            area: formatArea(totalArea, i18n.language),
          }),
          columns: [
            t("print.column.number"),
            t("print.column.code"),
            t("print.column.leadUnit"),
            t("print.column.leader"),
          ],
          scale: (denominator) => t("print.scale", { denominator: numbers.format(denominator) }),
          length: (metres) =>
            metres >= 1000
              ? t("print.kilometres", { count: metres / 1000 })
              : t("print.metres", { count: metres }),
          footer: t("print.footer", {
            city,
            date: new Intl.DateTimeFormat(i18n.language, {
              dateStyle: "long",
              timeZone: CHINA_TIME_ZONE,
            }).format(new Date()),
          }),
        }),
      )
      .then((sheet) => current && setState({ sheet, title }))
      .catch((error: Error) => current && setState({ error }));
    return () => {
      current = false;
    };
  }, [community, grids, leadUnits, division, city, t, i18n.language]);
  return state;
}
