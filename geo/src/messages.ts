// The wording of every geometry problem, shared by the api and the web app (zh-CN first).
import { type Catalogue, fillTemplate, type Locale } from "./catalogue.ts";
import type { Problem } from "./problem.ts";

export type { Locale };

/**
 * Message templates by key. Placeholders in braces come from the problem's params, plus
 * {lon} {lat} from `at` and {area} from `area`. A `featureIndex` param (0-based, set by callers
 * that read several features from a file) adds the "feature N" prefix, counted from 1.
 */
export const gridMessages = {
  "grid.featurePrefix": { "zh-CN": "第 {feature} 个要素：", en: "Feature {feature}: " },
  "grid.notGeometry": {
    "zh-CN": "无法识别的图形数据，请上传 GeoJSON 面（Polygon 或 MultiPolygon）",
    en: "Not a GeoJSON geometry; upload a Polygon or MultiPolygon",
  },
  "grid.unsupportedType": {
    "zh-CN": "网格必须是面（Polygon 或 MultiPolygon），收到的是 {type}",
    en: "A grid must be a Polygon or MultiPolygon, not {type}",
  },
  "grid.empty": { "zh-CN": "网格没有坐标", en: "The grid has no coordinates" },
  "grid.malformed": {
    "zh-CN": "坐标结构不正确（第 {part} 个面第 {ring} 个环）",
    en: "Malformed coordinates (polygon {part}, ring {ring})",
  },
  "grid.ringNotClosed": {
    "zh-CN": "边界没有闭合：第 {part} 个面第 {ring} 个环的首尾坐标不同",
    en: "Ring {ring} of polygon {part} is not closed (first and last positions differ)",
  },
  "grid.tooFewPositions": {
    "zh-CN": "第 {part} 个面第 {ring} 个环只有 {count} 个坐标，至少需要 4 个（含闭合点）",
    en: "Ring {ring} of polygon {part} has {count} positions; at least 4 are needed",
  },
  "grid.threeDimensional": {
    "zh-CN": "坐标必须是二维 [经度, 纬度]，发现 {dimension} 维坐标（位置：{lon}, {lat}）",
    en: "Positions must be 2-D [lon, lat]; found a {dimension}-D position at {lon}, {lat}",
  },
  "grid.notANumber": {
    "zh-CN": "坐标值不是有效数字：{value}（第 {part} 个面第 {ring} 个环）",
    en: "A coordinate is not a finite number: {value} (polygon {part}, ring {ring})",
  },
  "grid.outOfRange": {
    "zh-CN": "坐标 {value} 超出范围（经度 -180 到 180，纬度 -90 到 90）",
    en: "Position {value} is out of range (longitude -180…180, latitude -90…90)",
  },
  "grid.tooManyVertices": {
    "zh-CN": "网格顶点过多：{count} 个，最多 {max} 个，请简化后再上传",
    en: "Too many vertices: {count}, at most {max}; simplify the shape",
  },
  "grid.selfIntersection": {
    "zh-CN": "多边形自相交（位置：{lon}, {lat}）",
    en: "The polygon crosses itself at {lon}, {lat}",
  },
  "grid.zeroArea": {
    "zh-CN": "第 {part} 个面第 {ring} 个环面积为零（各点在一条线上）",
    en: "Ring {ring} of polygon {part} encloses no area",
  },
  // Size limits (issue 21, size-limits.ts).
  "grid.tooSmall": {
    "zh-CN":
      "第 {part} 个面只有 {area} 平方米，小于最小面积 {min} 平方米，不像是有意画出的范围，请检查后重画",
    en: "Polygon {part} is only {area}, below the minimum of {min} m²; it cannot be a real area, so check and redraw it",
  },
  "grid.tooNarrow": {
    "zh-CN":
      "第 {part} 个面平均宽度只有 {width} 米，窄于最小宽度 {min} 米（像一条细线），请检查后重画",
    en: "Polygon {part} is on average only {width} m wide, below the minimum of {min} m (a sliver); check and redraw it",
  },
  "grid.holeOutside": {
    "zh-CN": "第 {part} 个面的第 {ring} 个环（洞）不在外边界之内（位置：{lon}, {lat}）",
    en: "Hole {ring} of polygon {part} is not inside its outer ring (at {lon}, {lat})",
  },
  "grid.interiorDisconnected": {
    "zh-CN": "洞与外边界（或另一个洞）相接不止一处，把面分成了几块（位置：{lon}, {lat}）",
    en: "A hole meets the outer ring (or another hole) at more than one point, cutting the polygon in pieces (at {lon}, {lat})",
  },
  "grid.holesNested": {
    "zh-CN":
      "第 {part} 个面的第 {ring} 个环（洞）在第 {other} 个环（洞）之内（位置：{lon}, {lat}）",
    en: "Hole {ring} of polygon {part} lies inside hole {other} (at {lon}, {lat})",
  },
  "grid.partsOverlap": {
    "zh-CN": "多面中的第 {part} 个面与第 {other} 个面重叠 {area}",
    en: "Polygons {part} and {other} of the MultiPolygon overlap by {area}",
  },
  "grid.outsideCommunity": {
    "zh-CN": "网格超出社区边界 {area}",
    en: "The grid extends {area} beyond the community boundary",
  },
  "grid.overlapsSibling": {
    "zh-CN": "与网格 {sibling} 重叠 {area}",
    en: "Overlaps grid {sibling} by {area}",
  },
  "grid.coverageGap": {
    "zh-CN": "社区有 {percent}% 未被网格覆盖（{area}）",
    en: "{percent}% of the community ({area}) is not covered by any grid",
  },
  "grid.splitLineInvalid": {
    "zh-CN": "分割线必须是至少两个点的线（LineString）",
    en: "The split line must be a LineString of at least two points",
  },
  "grid.splitLineMustCross": {
    "zh-CN": "分割线必须完整穿过网格（至少与边界相交两次），现在只相交 {crossings} 次",
    en: "The split line must cross the grid (meet its boundary at least twice); it meets it {crossings} time(s)",
  },
  "grid.splitFailed": {
    "zh-CN": "无法按这条线分割网格，请重新画线",
    en: "The grid could not be split along this line; draw it again",
  },
  "grid.invalid": {
    "zh-CN": "图形无效：{reason}（位置：{lon}, {lat}）",
    en: "The shape is not valid: {reason} (at {lon}, {lat})",
  },
  "grid.overlapInFile": {
    "zh-CN": "与文件中第 {other} 个要素重叠 {area}",
    en: "Overlaps feature {other} of the file by {area}",
  },
  "grid.mergeCommunity": {
    "zh-CN": "网格 {a} 和 {b} 属于不同社区，不能合并",
    en: "Grids {a} and {b} belong to different communities and cannot be merged",
  },
  "grid.mergeNotAdjacent": {
    "zh-CN": "只能合并相邻的网格（共用一段边界，不能只接触于一点）",
    en: "Only adjacent grids can be merged (they must share an edge, not just a point)",
  },
  "community.nameMissing": {
    "zh-CN": "缺少社区名称（属性 name、名称 或 社区名称）",
    en: "The community has no name (property name, 名称 or 社区名称)",
  },
  "community.codeFormat": {
    "zh-CN": "社区编码 {code} 不正确：应为 12 位数字，并以所在街道的编码 {street} 开头",
    en: "Community code {code} is not right: 12 digits, starting with the street's code {street}",
  },
  "community.codeTaken": {
    "zh-CN": "社区编码 {code} 已被「{other}」使用",
    en: "Community code {code} is already used by {other}",
  },
  "community.overlapsCommunity": {
    "zh-CN": "与社区「{community}」重叠 {area}",
    en: "Overlaps community {community} by {area}",
  },
  // Standard clients and real-world files (issue 18): outlines far from the city or too large.
  "community.farFromCity": {
    "zh-CN": "边界离本市约 {km} 公里，不在本市范围内；请检查坐标系或文件",
    en: "The outline lies about {km} km outside the city; check the coordinate system or the file",
  },
  "community.tooLarge": {
    "zh-CN": "面积 {area} 超过一个社区的上限 {max} 平方公里（本市面积 {city} 平方公里）",
    en: "The area {area} is more than a community may have ({max} km²; the city is {city} km²)",
  },
  "partition.count": {
    "zh-CN": "划分数量必须是 1 到 {max} 的整数，收到 {count}",
    en: "The number of parts must be a whole number from 1 to {max}, not {count}",
  },
} as const satisfies MessageBook;

export type GridMessageKey = keyof typeof gridMessages;

/** Message templates by key and locale: gridMessages, or a caller's superset of it. */
export type MessageBook = Catalogue;

/**
 * The problem in words, e.g. "多边形自相交（位置：117.161200, 35.082100）". Pass `messages` to
 * word keys of your own; an unknown key comes back as the key itself.
 */
export function formatProblem(
  problem: Problem,
  locale: Locale = "zh-CN",
  messages: MessageBook = gridMessages,
): string {
  const values: Record<string, string> = {};
  if (problem.at) {
    values.lon = problem.at[0].toFixed(6);
    values.lat = problem.at[1].toFixed(6);
  }
  for (const [name, value] of Object.entries(problem.params ?? {})) values[name] = String(value);
  if (problem.area !== undefined) values.area = formatArea(problem.area);
  const text = fillTemplate(messages[problem.key]?.[locale] ?? problem.key, values);
  const index = problem.params?.featureIndex;
  if (index === undefined) return text;
  const prefix =
    messages["grid.featurePrefix"]?.[locale] ?? gridMessages["grid.featurePrefix"][locale];
  return fillTemplate(prefix, { feature: String(Number(index) + 1) }) + text;
}

/** "1,234 m²"; one decimal below 10 m², so a small sliver does not read as "0 m²". */
export function formatArea(m2: number): string {
  const digits = m2 < 10 ? 1 : 0;
  return `${m2.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} m²`;
}
