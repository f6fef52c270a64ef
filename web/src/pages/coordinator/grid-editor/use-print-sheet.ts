// Composes the community's grid division map (网格分工图) as a sheet ready to print.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GridFeature } from "../../../api/grids.ts";
import { queries } from "../../../api/queries.ts";
import { formatArea } from "../../../format.ts";
import { noLeadUnitColour } from "../../../map/colours.ts";
import { composeSheet, type LegendEntry, mapBox } from "../../../map/print/print-sheet.ts";
import { printStyle } from "../../../map/print/print-style.ts";
import { useLeadUnits } from "../../../map/use-lead-units.ts";
import type { Community } from "./mode-panel.tsx";

export type SheetState = { sheet: HTMLCanvasElement; title: string } | { error: Error } | null;

export function usePrintSheet(community: Community, grids: GridFeature[]): SheetState {
  const { t, i18n } = useTranslation();
  const leadUnits = useLeadUnits();
  const city = useQuery(queries.config()).data?.city.name ?? "";
  const [state, setState] = useState<SheetState>(null);

  useEffect(() => {
    if (!leadUnits) return;
    let current = true;
    const leading = new Set(grids.map((grid) => grid.properties.leadUnitId));
    const legend: LegendEntry[] = leadUnits
      .filter((unit) => leading.has(unit.unitId))
      .map((unit) => ({ colour: unit.colour, label: unit.name }));
    if (leading.has(null)) legend.push({ colour: noLeadUnitColour, label: t("print.noLead") });
    const name = community.properties.name;
    const title = t("print.title", { community: name });
    const totalArea = grids.reduce((sum, grid) => sum + grid.properties.areaM2, 0);
    const style = printStyle({
      community,
      grids: { type: "FeatureCollection", features: grids },
      colours: leadUnits,
    });
    // the printing map brings maplibre: loaded when a sheet is asked for (issue 22)
    import("../../../map/print/print-map.ts")
      .then(({ renderMapPicture }) =>
        renderMapPicture(style, community, {
          width: mapBox.width / 2,
          height: mapBox.height / 2,
          pixelRatio: 2,
        }),
      )
      .then((picture) =>
        composeSheet(picture, {
          title,
          subtitle: t("print.subtitle", {
            street: community.properties.streetName,
            count: grids.length,
            area: formatArea(totalArea, i18n.language),
          }),
          legendTitle: t("print.legend"),
          legend,
          footer: t("print.footer", {
            city,
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" }).format(new Date()),
          }),
        }),
      )
      .then((sheet) => current && setState({ sheet, title }))
      .catch((error: Error) => current && setState({ error }));
    return () => {
      current = false;
    };
  }, [community, grids, leadUnits, city, t, i18n.language]);
  return state;
}
