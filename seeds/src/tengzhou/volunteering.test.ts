import { booleanPointInPolygon } from "@turf/turf";
import { describe, expect, it } from "vitest";
import { buildTengzhou } from "./index.ts";

const now = new Date("2024-03-14T16:00:00Z"); // Friday 2024-03-15, 00:00 in China
const dataset = buildTengzhou({ now });
const volunteering = dataset.volunteering!;
const grids = new Map(dataset.grids.map((g) => [g.key, g]));

describe("the demo's volunteering", () => {
  it("is the same for the same day", () => {
    expect(buildTengzhou({ now }).volunteering).toEqual(volunteering);
  });

  it("walks every grid this week, inside the grid, with time going forwards", () => {
    expect(new Set(volunteering.patrols.map((p) => p.gridKey)).size).toBe(dataset.grids.length);
    for (const patrol of volunteering.patrols) {
      const grid = grids.get(patrol.gridKey)!;
      const times = patrol.points.map((p) => Date.parse(p.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(Date.parse("2024-03-10T16:00:00Z")); // Monday, China
      const stops = patrol.points.filter((_, i) => i % 6 === 0);
      expect(stops.every((p) => booleanPointInPolygon([p.lon, p.lat], grid.geometry))).toBe(true);
    }
  });

  it("holds a dedication day today in every grid, and check-ins of an earlier one inside the grid", () => {
    const today = volunteering.dedicationDays.filter((d) => d.heldOn === "2024-03-15");
    expect(today.map((d) => d.gridKey).sort()).toEqual([...grids.keys()].sort());
    const checkIns = volunteering.dedicationDays.flatMap((d) =>
      d.signups.flatMap((s) => (s.checkIn ? [{ grid: grids.get(d.gridKey)!, at: s.checkIn }] : [])),
    );
    expect(checkIns.length).toBeGreaterThan(20);
    expect(
      checkIns.every((c) => booleanPointInPolygon([c.at.lon, c.at.lat], c.grid.geometry)),
    ).toBe(true);
  });

  it("logs activities of each grid team's branch, with every participant a person of the city", () => {
    const people = new Set(dataset.people.map((p) => p.key));
    const branches = new Set(dataset.branches.map((b) => b.key));
    expect(volunteering.activities.length).toBe(dataset.grids.length * 3);
    for (const activity of volunteering.activities) {
      expect(branches.has(activity.branchKey)).toBe(true);
      expect(activity.heldOn < "2024-03-15").toBe(true);
      expect(activity.participants.every((p) => people.has(p.personKey) && p.hours >= 1)).toBe(
        true,
      );
    }
  });
});
