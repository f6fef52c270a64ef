// The hospitals that lead grids, each with its colour: shared by the map paint and the legend.
// The units list says which lead a grid, so no page downloads every grid to learn it.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { queries } from "../api/queries.ts";
import { type LeadUnitColour, leadUnitColours } from "./colours.ts";

export interface LeadUnit extends LeadUnitColour {
  name: string;
  shortName: string;
}

export function useLeadUnits(): LeadUnit[] | undefined {
  const units = useQuery(queries.units()).data;
  return useMemo(() => {
    if (!units) return undefined;
    const unitList = units.features.map((feature) => feature.properties);
    const byId = new Map(unitList.map((unit) => [unit.id, unit]));
    const leadIds = unitList.filter((unit) => unit.leadsGrids).map((unit) => unit.id);
    return leadUnitColours(unitList, leadIds).map((colour) => ({
      ...colour,
      name: byId.get(colour.unitId)?.name ?? "",
      shortName: byId.get(colour.unitId)?.shortName ?? "",
    }));
  }, [units]);
}
