export type * from "./dataset.ts";
export { buildTengzhou } from "./tengzhou/index.ts";
