// The whole schema, as drizzle and drizzle-kit see it.
export * from "./access-tokens.ts";
export * from "./basemap.ts";
export * from "./files.ts";
export * from "./grids.ts";
export * from "./notifications.ts";
export * from "./patrols.ts";
export * from "./problem-cell-days.ts";
export * from "./problems.ts";
export * from "./regions.ts";
export * from "./reliability.ts";
export * from "./restructurings.ts";
export * from "./security.ts";
export * from "./standards.ts";
export * from "./tasks.ts";
export * from "./tile-versions.ts";
export * from "./units.ts";
export * from "./users.ts";
