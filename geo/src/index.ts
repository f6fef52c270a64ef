// Pure geometry and domain rules shared by the api and the web app.
export { type CoverageReport, coverageReport } from "./coverage.ts";
export {
  GridCodeError,
  gridCode,
  orderWestToEastNorthToSouth,
  type ParsedGridCode,
  parseGridCode,
} from "./grid-code.ts";
