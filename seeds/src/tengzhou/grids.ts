// The ten grids: codes, names, and which hospitals serve them (one lead, up to two supporting).
import { gridCode } from "@civgrid/geo";
import type { MultiPolygon, Polygon } from "geojson";
import type { SeedCommunity, SeedGrid } from "../dataset.ts";
import type { GridCrew } from "./people.ts";

export interface GridUnits {
  leadUnitKey: string;
  supportUnitKeys: string[];
}

/**
 * By grid, in numbering order: 蕃阳社区 1–5, then 郭彭庄社区 1–5. Each of the 15 hospitals
 * serves at least one grid; the four that lie inside a grid lead it.
 */
export const GRID_UNITS: GridUnits[] = [
  serve("central-hospital", "stomatology", "jining-renkang"),
  serve("second-hospital", "huatai-maternity"),
  serve("workers-hospital", "xuzhou-huadong"),
  serve("maternal-child", "mingren-eye"),
  serve("mental-health"),
  serve("renhe", "kangning"),
  serve("stomatology", "linyi-kangtai"),
  serve("tcm-hospital", "shanguo-orthopaedic", "central-hospital"),
  serve("kangning", "tcm-hospital"),
  serve("shanguo-orthopaedic", "maternal-child", "xuzhou-huadong"),
];

function serve(lead: string, ...support: string[]): GridUnits {
  return { leadUnitKey: `unit-${lead}`, supportUnitKeys: support.map((key) => `unit-${key}`) };
}

export function toMultiPolygon(polygon: Polygon): MultiPolygon {
  return { type: "MultiPolygon", coordinates: [polygon.coordinates] };
}

/** Grid records, numbered within each community; units and crews are indexed across all grids. */
export function buildGrids(
  communities: readonly { community: SeedCommunity; shapes: readonly Polygon[] }[],
  units: readonly GridUnits[],
  crews: readonly GridCrew[],
): SeedGrid[] {
  let index = 0;
  return communities.flatMap(({ community, shapes }) =>
    shapes.map((shape, i) => {
      const code = gridCode(community.code, i + 1);
      const assignment = units[index];
      const crew = crews[index];
      index++;
      if (!assignment || !crew)
        throw new Error(`${community.name}: grid ${i + 1} has no units or crew`);
      return {
        key: `grid-${code}`,
        communityKey: community.key,
        code,
        name: `${community.name}第${i + 1}网格`,
        geometry: toMultiPolygon(shape),
        ...assignment,
        ...crew,
      };
    }),
  );
}
