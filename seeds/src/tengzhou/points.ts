// Inspection points (点位): each hospital's entrance, waiting hall and windows, and in every grid
// the streets, stairwells, garbage points, notice boards, toilets and markets patrols visit.
import { parseGridCode } from "@civgrid/geo";
import type {
  PointKind,
  SeedCommunity,
  SeedGrid,
  SeedInspectionPoint,
  SeedUnit,
} from "../dataset.ts";
import type { Random } from "./random.ts";
import { offsetPoint, randomPointIn } from "./sample.ts";

/** Streets and housing estates of each community (fictional where not on the town map). */
export const NEIGHBOURHOODS: Record<string, { streets: string[]; estates: string[] }> = {
  蕃阳社区: {
    streets: ["荆河中路", "蕃阳路", "学院中路", "文化西路", "善国中路", "府前中路"],
    estates: ["蕃阳小区", "善国花园", "荆河苑", "文化新村", "阳光嘉园"],
  },
  郭彭庄社区: {
    streets: ["北辛中路", "郭庄路", "杏坛路", "平行中路", "龙泉北路", "塔寺路"],
    estates: ["郭彭庄新村", "北辛小区", "杏坛花园", "龙泉苑", "鑫城家园"],
  },
};

/** Three points per hospital, a few metres apart, at the hospital's location. */
export function hospitalPoints(hospitals: readonly SeedUnit[]): SeedInspectionPoint[] {
  const places: [PointKind, string, string, number, number][] = [
    ["hospital_entrance", "entrance", "门诊大门", 0, 0],
    ["waiting_hall", "hall", "门诊候诊大厅", 12, 18],
    ["hospital_window", "window", "挂号收费窗口", -10, 24],
  ];
  return hospitals.flatMap((unit) =>
    places.map(([kind, suffix, place, east, north]) => ({
      key: `point-${unit.key.replace(/^unit-/, "")}-${suffix}`,
      name: `${unit.shortName}${place}`,
      kind,
      location: offsetPoint(unit.location, east, north),
      unitKey: unit.key,
      address: unit.address,
    })),
  );
}

/** Grids that also hold a public toilet or a market (by global grid index 0–9). */
const TOILET_GRIDS = new Set([1, 4, 6, 9]);
const MARKET_GRIDS = new Map([
  [2, "蕃阳农贸市场"],
  [8, "郭彭庄便民市场"],
]);

/** Six to eight points in each grid, each at least 15 m inside it. */
export function gridPoints(
  grids: readonly SeedGrid[],
  communities: readonly SeedCommunity[],
  random: Random,
): SeedInspectionPoint[] {
  return grids.flatMap((grid, index) => {
    const community = communities.find((c) => c.key === grid.communityKey)?.name ?? "";
    const { streets, estates } = NEIGHBOURHOODS[community] ?? { streets: [], estates: [] };
    const estate = estates[(parseGridCode(grid.code).seq - 1) % estates.length] ?? community;
    const [mainStreet = "", sideStreet = ""] = random.shuffle(streets);
    const named: [PointKind, string, string][] = [
      ["street", `${mainStreet}（${estate}段）`, mainStreet],
      ["street", `${sideStreet}沿街商铺`, sideStreet],
      ["stairwell", `${estate}${random.int(1, 12)}号楼${random.int(1, 3)}单元楼道`, estate],
      ["stairwell", `${estate}${random.int(13, 24)}号楼${random.int(1, 3)}单元楼道`, estate],
      ["garbage_point", `${estate}垃圾分类投放点`, estate],
      ["notice_board", `${estate}宣传栏`, estate],
    ];
    if (TOILET_GRIDS.has(index)) named.push(["public_toilet", `${mainStreet}公厕`, mainStreet]);
    const market = MARKET_GRIDS.get(index);
    if (market) named.push(["market", market, sideStreet]);
    return named.map(([kind, name, place], n) => ({
      key: `point-${grid.code}-${String(n + 1).padStart(2, "0")}`,
      name,
      kind,
      location: randomPointIn(grid.geometry, random, 15),
      address: `山东省滕州市${community}${place}`,
    }));
  });
}
