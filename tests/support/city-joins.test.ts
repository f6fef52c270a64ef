// The city-join checker on hand-written statements: what a distributed database routes to one city
// passes, what would fan out to every shard (or be refused) is named with its unlinked tables.
import { beforeAll, describe, expect, it } from "vitest";
import { checkCityJoins, loadParser } from "./city-joins.ts";

const cityTables = new Set(["problems", "grids", "units", "users", "grid_units", "people"]);
const groupsOf = (statement: string) => checkCityJoins(statement, cityTables).map((v) => v.groups);

beforeAll(loadParser);

describe("joins that carry city_id", () => {
  it.each([
    [
      "JOIN … ON with the equality",
      `SELECT p.id FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
       WHERE p.city_id = $1`,
    ],
    [
      "a join in WHERE with the equality",
      "SELECT 1 FROM problems p, grids g WHERE g.id = p.grid_id AND g.city_id = p.city_id",
    ],
    [
      "both equal to the same parameter",
      "SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = $1 WHERE p.city_id = $1",
    ],
    [
      "both equal to the same constant, one through a cast",
      "SELECT 1 FROM problems p, grids g WHERE g.city_id = 7 AND p.city_id = 7::int AND g.id = p.grid_id",
    ],
    [
      "three tables linked through each other",
      `SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
       JOIN units u ON u.id = g.lead_unit_id AND u.city_id = g.city_id`,
    ],
    [
      "through a column that is not a city table's",
      `SELECT 1 FROM problems p JOIN (SELECT 1 AS one, $1::int AS city_id) s ON s.city_id = p.city_id
       JOIN grids g ON g.city_id = s.city_id AND g.id = p.grid_id`,
    ],
    [
      "an outer join with the equality in ON",
      `SELECT u.id FROM users u LEFT JOIN units un ON un.id = u.unit_id AND un.city_id = u.city_id
       LEFT JOIN people pe ON pe.id = u.person_id AND pe.city_id = u.city_id WHERE u.username = $1`,
    ],
    [
      "JOIN … USING (city_id, …)",
      "SELECT 1 FROM grid_units gu JOIN grids g USING (city_id) WHERE g.id = gu.grid_id",
    ],
    [
      "a correlated EXISTS with the equality",
      `SELECT g.id FROM grids g WHERE g.city_id = $1
       AND EXISTS (SELECT 1 FROM grid_units gu WHERE gu.grid_id = g.id AND gu.city_id = g.city_id)`,
    ],
    [
      "a correlated subquery naming its own table's columns bare",
      `SELECT 1 FROM problems p WHERE EXISTS
       (SELECT 1 FROM grids WHERE id = p.grid_id AND city_id = p.city_id)`,
    ],
    [
      "an IN subquery filtered by the outer table's city",
      "SELECT 1 FROM problems p WHERE p.city_id = $1 AND p.grid_id IN (SELECT g.id FROM grids g WHERE g.city_id = $1)",
    ],
    [
      "(city_id, id) IN a subquery of the same table",
      `UPDATE problems SET status = 'dispatched' WHERE (city_id, id) IN
       (SELECT city_id, id FROM problems WHERE status = 'reported' LIMIT 5 FOR UPDATE SKIP LOCKED)`,
    ],
    [
      "IN pairing the outer city_id with the subquery's",
      "SELECT 1 FROM problems p WHERE (p.city_id, p.grid_id) IN (SELECT g.city_id, g.id FROM grids g WHERE g.code = $1)",
    ],
    [
      "a LATERAL subquery with the equality",
      `SELECT 1 FROM problems p, LATERAL (SELECT g.code FROM grids g
       WHERE g.id = p.grid_id AND g.city_id = p.city_id) x WHERE p.city_id = $1`,
    ],
    [
      "a CTE joined by its name: a CTE is not a table",
      `WITH open AS (SELECT grid_id FROM problems WHERE city_id = $1)
       SELECT g.id FROM open o JOIN grids g ON g.id = o.grid_id WHERE g.city_id = $1`,
    ],
    [
      "a CTE that hides a city table's name",
      "WITH grids AS (SELECT 1 AS id) SELECT 1 FROM problems p JOIN grids ON grids.id = p.grid_id",
    ],
    [
      "a subquery in FROM: its alias is not a table",
      `SELECT 1 FROM problems p JOIN (SELECT grid_id, count(*) AS n FROM problems WHERE city_id = $1
       GROUP BY grid_id) c ON c.grid_id = p.grid_id WHERE p.city_id = $1`,
    ],
    [
      "a join with the cities table, which has no city_id",
      "SELECT 1 FROM grids g JOIN cities c ON c.id = g.city_id",
    ],
    [
      "UPDATE … FROM with the equality",
      "UPDATE problems p SET unit_id = g.lead_unit_id FROM grids g WHERE g.id = p.grid_id AND g.city_id = p.city_id",
    ],
    [
      "DELETE … USING with the equality",
      "DELETE FROM grid_units gu USING grids g WHERE g.id = gu.grid_id AND g.city_id = gu.city_id AND g.code = $1",
    ],
    [
      "INSERT … SELECT from one table, ON CONFLICT naming excluded",
      `INSERT INTO grid_units (city_id, grid_id, unit_id) SELECT city_id, id, $2 FROM grids WHERE id = $1
       ON CONFLICT (grid_id, unit_id) DO UPDATE SET city_id = excluded.city_id`,
    ],
    [
      "statements without a join",
      "BEGIN; SELECT count(*) FROM problems WHERE city_id = $1; LISTEN civgrid; COMMIT",
    ],
  ])("passes %s", (_, statement) => {
    expect(groupsOf(statement)).toEqual([]);
  });
});

describe("joins that miss city_id", () => {
  it.each([
    [
      "JOIN … ON the id only",
      "SELECT p.id FROM problems p JOIN grids g ON g.id = p.grid_id WHERE p.city_id = $1",
      [["problems p"], ["grids g"]],
    ],
    [
      "a join in WHERE without the equality",
      "SELECT 1 FROM problems p, grids g WHERE g.id = p.grid_id AND p.city_id = $1",
      [["problems p"], ["grids g"]],
    ],
    [
      "two different parameters",
      "SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = $2 WHERE p.city_id = $1",
      [["problems p"], ["grids g"]],
    ],
    [
      "an equality under OR",
      "SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND (g.city_id = p.city_id OR g.id IS NULL)",
      [["problems p"], ["grids g"]],
    ],
    [
      "the third table of three",
      `SELECT 1 FROM problems p JOIN grids g ON g.id = p.grid_id AND g.city_id = p.city_id
       JOIN units u ON u.id = g.lead_unit_id`,
      [["problems p", "grids g"], ["units u"]],
    ],
    [
      "an outer join on the id only (the sign-in that answered 500)",
      `SELECT u.id FROM users u LEFT JOIN units un ON un.id = u.unit_id
       LEFT JOIN people pe ON pe.id = u.person_id AND pe.city_id = u.city_id WHERE u.username = $1`,
      [["users u", "people pe"], ["units un"]],
    ],
    [
      "a self-join",
      "SELECT 1 FROM problems a JOIN problems b ON b.duplicate_of = a.id WHERE a.city_id = $1",
      [["problems a"], ["problems b"]],
    ],
    [
      "a correlated EXISTS",
      "SELECT 1 FROM problems p WHERE p.city_id = $1 AND EXISTS (SELECT 1 FROM grids g WHERE g.id = p.grid_id)",
      [["grids g"], ["problems p"]],
    ],
    [
      "a correlated scalar subquery in the select list",
      "SELECT p.id, (SELECT u.name FROM units u WHERE u.id = p.unit_id) FROM problems p WHERE p.city_id = $1",
      [["units u"], ["problems p"]],
    ],
    [
      "an IN subquery on other cities' rows",
      "SELECT 1 FROM problems p WHERE p.city_id = $1 AND p.grid_id IN (SELECT id FROM grids WHERE code = $2)",
      [["grids"], ["problems p"]],
    ],
    [
      "NOT IN, which says nothing equal",
      `SELECT 1 FROM problems p WHERE p.city_id = $1
       AND (p.city_id, p.grid_id) NOT IN (SELECT g.city_id, g.id FROM grids g WHERE g.code = $2)`,
      [["grids g"], ["problems p"]],
    ],
    [
      "IN under OR",
      `SELECT 1 FROM problems p WHERE p.city_id = $1
       AND (p.id = $2 OR (p.city_id, p.grid_id) IN (SELECT g.city_id, g.id FROM grids g))`,
      [["grids g"], ["problems p"]],
    ],
    [
      "a LATERAL subquery",
      `SELECT 1 FROM problems p CROSS JOIN LATERAL (SELECT g.code FROM grids g WHERE g.id = p.grid_id) x
       WHERE p.city_id = $1`,
      [["grids g"], ["problems p"]],
    ],
    [
      "a join inside a CTE",
      "WITH x AS (SELECT p.id FROM problems p JOIN grids g ON g.id = p.grid_id) SELECT * FROM x",
      [["problems p"], ["grids g"]],
    ],
    [
      "a join inside a subquery in FROM",
      "SELECT n FROM (SELECT count(*) AS n FROM problems p, grids g WHERE g.id = p.grid_id) c",
      [["problems p"], ["grids g"]],
    ],
    [
      "a join in one arm of a UNION",
      `SELECT id FROM grids WHERE city_id = $1
       UNION ALL SELECT u.id FROM units u JOIN grid_units gu ON gu.unit_id = u.id`,
      [["units u"], ["grid_units gu"]],
    ],
    [
      "UPDATE … FROM",
      "UPDATE problems p SET unit_id = g.lead_unit_id FROM grids g WHERE g.id = p.grid_id AND p.city_id = $1",
      [["problems p"], ["grids g"]],
    ],
    [
      "DELETE … USING",
      "DELETE FROM grid_units gu USING grids g WHERE g.id = gu.grid_id AND g.code = $1",
      [["grid_units gu"], ["grids g"]],
    ],
  ])("names %s", (_, statement, groups) => {
    expect(groupsOf(statement)).toEqual([groups]);
  });

  it("answers a statement the parser refuses, so none slips by unread", () => {
    const [violation] = checkCityJoins("SELEC 1 FROM problems", cityTables);
    expect(violation?.block).toMatch(/^unparsed: syntax error/);
  });

  it("says which block: its kind and the start of its FROM", () => {
    const [violation] = checkCityJoins(
      "SELECT 1 FROM grids WHERE EXISTS (SELECT 1 FROM problems p, units u WHERE u.id = p.unit_id)",
      cityTables,
    );
    expect(violation?.block).toBe("SELECT … problems p, units u WHERE u.id = p.unit_id)…");
  });
});
