export type * from "./dataset.ts";
export {
  AREA,
  type CitySize,
  generateCity,
  insertProblems,
  PREFECTURE,
} from "./scale/generate-city.ts";
export { buildTengzhou } from "./tengzhou/index.ts";
