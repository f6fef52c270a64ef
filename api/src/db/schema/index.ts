// The whole schema, as drizzle and drizzle-kit see it.
export * from "./access-tokens.ts";
export * from "./files.ts";
export * from "./grids.ts";
export * from "./open311.ts";
export * from "./patrols.ts";
export * from "./problem-cell-days.ts";
export * from "./problems.ts";
export * from "./regions.ts";
export * from "./standards.ts";
export * from "./tasks.ts";
export * from "./tile-versions.ts";
export * from "./units.ts";
export * from "./users.ts";
