// sameCity writes the city_id equality a join of two city tables carries (issue 24).
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { sameCity } from "./query-helpers.ts";
import { grids, problems, units } from "./schema/index.ts";

const text = (query: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(query).sql;

describe("sameCity", () => {
  it("links two aliases, given as text or as SQL", () => {
    expect(text(sameCity("g", "p"))).toBe("p.city_id = g.city_id");
    expect(text(sameCity(sql.raw("g"), sql.raw("p")))).toBe("p.city_id = g.city_id");
  });

  it("links every other table to the first", () => {
    expect(text(sameCity("p", "g", "u"))).toBe("g.city_id = p.city_id AND u.city_id = p.city_id");
  });

  it("takes drizzle tables, for a query builder's join", () => {
    expect(text(sameCity(problems, grids, units))).toBe(
      '"grids"."city_id" = "problems"."city_id" AND "units"."city_id" = "problems"."city_id"',
    );
  });
});
