// The bureau's units: 15 hospitals (public, private, out-of-town) plus the bureau and the CDC.
// Names of the public hospitals follow Tengzhou's; private and out-of-town ones, addresses,
// phones and all people are fictional.
import type { Point, Polygon, Position } from "geojson";
import type { ResponsibleDuty, SeedUnit, UnitKind } from "../dataset.ts";
import type { NameBook } from "./names.ts";
import type { Random } from "./random.ts";
import { randomPointIn } from "./sample.ts";

interface UnitSpec {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  address: string;
  /** A fixed place, or "inside grid number n (0–9)" for hospitals that sit in their own grid. */
  site: Position | { grid: number };
}

// biome-ignore format: one unit per line reads as a register
const UNITS: UnitSpec[] = [
  unit("central-hospital", "滕州市中心人民医院", "中心人民医院", "public_hospital", "荆河中路181号", { grid: 0 }),
  unit("tcm-hospital", "滕州市中医医院", "市中医医院", "public_hospital", "北辛中路29号", { grid: 7 }),
  unit("maternal-child", "滕州市妇幼保健院", "市妇幼保健院", "public_hospital", "学院中路88号", { grid: 3 }),
  unit("second-hospital", "滕州市第二人民医院", "市第二人民医院", "public_hospital", "解放路126号", [117.1395, 35.0912]),
  unit("mental-health", "滕州市精神卫生中心", "市精神卫生中心", "public_hospital", "龙泉南路15号", [117.182, 35.0665]),
  unit("workers-hospital", "滕州市工人医院", "市工人医院", "public_hospital", "大同南路60号", [117.1472, 35.0688]),
  unit("stomatology", "滕州市口腔医院", "市口腔医院", "public_hospital", "杏坛路42号", [117.1705, 35.0935]),
  unit("renhe", "滕州仁和医院", "仁和医院", "private_hospital", "善国中路216号", { grid: 5 }),
  unit("kangning", "滕州康宁医院", "康宁医院", "private_hospital", "平行东路9号", [117.153, 35.095]),
  unit("shanguo-orthopaedic", "滕州善国骨科医院", "善国骨科医院", "private_hospital", "塔寺北路33号", [117.1755, 35.069]),
  unit("huatai-maternity", "滕州华泰妇产医院", "华泰妇产医院", "private_hospital", "府前西路71号", [117.142, 35.079]),
  unit("mingren-eye", "滕州明仁眼科医院", "明仁眼科医院", "private_hospital", "文化东路18号", [117.186, 35.086]),
  unit("jining-renkang", "济宁仁康医院滕州分院", "仁康医院滕州分院", "out_of_town_hospital", "善国北路102号", [117.19, 35.095]),
  unit("xuzhou-huadong", "徐州华东骨科医院滕州分院", "华东骨科滕州分院", "out_of_town_hospital", "益康大道55号", [117.165, 35.061]),
  unit("linyi-kangtai", "临沂康泰眼科医院滕州分院", "康泰眼科滕州分院", "out_of_town_hospital", "大同北路120号", [117.133, 35.072]),
  unit("bureau", "滕州市卫生健康局", "市卫生健康局", "bureau", "荆河西路1号", [117.148, 35.086]),
  unit("cdc", "滕州市疾病预防控制中心", "市疾控中心", "cdc", "杏坛东路66号", [117.1745, 35.0985]),
];

function unit(
  key: string,
  name: string,
  shortName: string,
  kind: UnitKind,
  street: string,
  site: UnitSpec["site"],
): UnitSpec {
  return { key: `unit-${key}`, name, shortName, kind, address: `山东省滕州市${street}`, site };
}

/** Job titles of the four responsible persons (四职责任人): [head, deputy, department head, admin]. */
const TITLES: Record<UnitKind, [string, string, string, string]> = {
  public_hospital: ["党委书记、院长", "副院长", "宣传科科长", "宣传科干事"],
  private_hospital: ["院长", "副院长", "综合办公室主任", "综合办公室文员"],
  out_of_town_hospital: ["分院院长", "分院副院长", "综合办公室主任", "综合办公室文员"],
  community_health_centre: ["主任", "副主任", "办公室主任", "办公室科员"],
  health_supervision: ["大队长", "副大队长", "办公室主任", "办公室科员"],
  bureau: ["党组书记、局长", "党组成员、副局长", "创城专班负责人", "创城专班干事"],
  cdc: ["党支部书记、主任", "副主任", "办公室主任", "办公室科员"],
};
const DUTIES: ResponsibleDuty[] = ["head", "deputy", "department_head", "platform_admin"];

export const HOSPITAL_KINDS: readonly UnitKind[] = [
  "public_hospital",
  "private_hospital",
  "out_of_town_hospital",
];

/** Units with their four responsible persons; hospitals with a grid site are placed inside it. */
export function buildUnits(grids: readonly Polygon[], names: NameBook, random: Random): SeedUnit[] {
  return UNITS.map((spec) => ({
    key: spec.key,
    name: spec.name,
    shortName: spec.shortName,
    kind: spec.kind,
    address: spec.address,
    phone: `0632-55${String(random.int(10000, 99999))}`,
    location: siteOf(spec, grids, random),
    responsible: DUTIES.map((duty, i) => ({
      duty,
      name: names.name(),
      mobile: names.mobile(),
      title: TITLES[spec.kind][i] ?? "",
    })),
  }));
}

function siteOf(spec: UnitSpec, grids: readonly Polygon[], random: Random): Point {
  if (Array.isArray(spec.site)) return { type: "Point", coordinates: spec.site };
  const grid = grids[spec.site.grid];
  if (!grid) throw new Error(`${spec.name}: there is no grid ${spec.site.grid}`);
  // 60 m clear of the grid's border, so the hospital's entrance, hall and windows fit inside.
  return randomPointIn(grid, random, 60);
}
