// 滕州市 and the two streets (街道) holding the bureau's assigned communities (帮包社区).
// Street and community codes follow the GB/T 2260 pattern; the sequences are illustrative.
import type { SeedCommunity, SeedRegion } from "../dataset.ts";
import type { CommunityShape } from "./geometry.ts";
import { toMultiPolygon } from "./grids.ts";
import { readTengzhouOutline } from "./outline.ts";

const CITY_KEY = "region-370481";

export function buildRegions(): SeedRegion[] {
  const street = (code: string, name: string): SeedRegion => ({
    key: `region-${code}`,
    parentKey: CITY_KEY,
    level: "street",
    code,
    name,
  });
  return [
    { key: CITY_KEY, level: "city", code: "370481", name: "滕州市", ...readTengzhouOutline() },
    street("370481001", "北辛街道"),
    street("370481002", "荆河街道"),
  ];
}

/** 蕃阳社区 takes the western shape, 郭彭庄社区 the eastern one. */
export function buildCommunities(west: CommunityShape, east: CommunityShape): SeedCommunity[] {
  return [
    {
      key: "community-fanyang",
      streetKey: "region-370481002",
      code: "370481002003",
      name: "蕃阳社区",
      geometry: toMultiPolygon(west.geometry),
    },
    {
      key: "community-guopengzhuang",
      streetKey: "region-370481001",
      code: "370481001006",
      name: "郭彭庄社区",
      geometry: toMultiPolygon(east.geometry),
    },
  ];
}
