import { coverageReport, orderWestToEastNorthToSouth } from "@civgrid/geo";
import {
  area,
  booleanPointInPolygon,
  booleanValid,
  booleanWithin,
  feature,
  featureCollection,
  intersect,
  kinks,
} from "@turf/turf";
import { describe, expect, it } from "vitest";
import type { ProblemStatus, SeedDataset } from "../dataset.ts";
import { buildTengzhou } from "./index.ts";
import { readTengzhouOutline } from "./outline.ts";
import { DEADLINE_DAYS } from "./rectification.ts";
import { standardItem } from "./standard.ts";
import { HOSPITAL_KINDS } from "./units.ts";

const now = new Date("2024-03-14T16:00:00Z"); // 2024-03-15 00:00 in China
const dataset = buildTengzhou({ now });
const HOUR = 3_600_000;
const OPEN: ProblemStatus[] = [
  "reported",
  "dispatched",
  "rectifying",
  "submitted",
  "returned",
  "sent_back",
];
const statusOf = (problem: SeedDataset["problems"][number]) => problem.events.at(-1)?.toStatus;
const gridContaining = (coordinates: number[]) =>
  dataset.grids.filter((grid) => booleanPointInPolygon(coordinates, grid.geometry));

describe("buildTengzhou", () => {
  it("gives a deep-equal dataset for the same now", () => {
    expect(buildTengzhou({ now: new Date(now) })).toEqual(dataset);
  });

  it("moves every time along with now", () => {
    const later = buildTengzhou({ now: new Date(now.getTime() + 7 * 24 * HOUR) });
    const shift = (a: string, b: string) => Date.parse(b) - Date.parse(a);
    dataset.problems.forEach((problem, i) => {
      expect(shift(problem.reportedAt, later.problems[i]?.reportedAt ?? "")).toBe(7 * 24 * HOUR);
      expect(shift(problem.deadline, later.problems[i]?.deadline ?? "")).toBe(7 * 24 * HOUR);
    });
  });

  it("defaults now to today's midnight in China", () => {
    const local = new Date(Date.now() + 8 * HOUR);
    const midnight =
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * HOUR;
    expect(buildTengzhou()).toEqual(buildTengzhou({ now: new Date(midnight) }));
  });

  it("has the city, two streets, two communities and ten grids", () => {
    expect(dataset.city).toEqual({ code: "370481", name: "滕州市" });
    expect(dataset.regions.map((r) => [r.level, r.code])).toEqual([
      ["city", "370481"],
      ["street", "370481001"],
      ["street", "370481002"],
    ]);
    expect(dataset.communities.map((c) => c.name)).toEqual(["蕃阳社区", "郭彭庄社区"]);
    expect(dataset.grids).toHaveLength(10);
  });

  it("has 15 hospitals, each unit with its four responsible persons", () => {
    const hospitals = dataset.units.filter((unit) => HOSPITAL_KINDS.includes(unit.kind));
    expect(hospitals).toHaveLength(15);
    expect(new Set(hospitals.map((h) => h.kind))).toEqual(new Set(HOSPITAL_KINDS));
    for (const unit of dataset.units) {
      expect(unit.responsible.map((p) => p.duty).sort()).toEqual([
        "department_head",
        "deputy",
        "head",
        "platform_admin",
      ]);
    }
  });

  it("gives every person a unique 11-digit mobile", () => {
    const mobiles = [...dataset.people, ...dataset.units.flatMap((u) => u.responsible)].map(
      (p) => p.mobile,
    );
    for (const mobile of mobiles) expect(mobile).toMatch(/^1\d{10}$/);
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it("has the 11-category, 42-item hospital point standard", () => {
    const { categories } = dataset.standard;
    expect(categories).toHaveLength(11);
    expect(categories.flatMap((c) => c.items)).toHaveLength(42);
    for (const item of categories.flatMap((c) => c.items)) expect(item.points).toBeGreaterThan(0);
  });
});

describe("grids", () => {
  it("tile each community without gaps or overlaps", () => {
    for (const community of dataset.communities) {
      const grids = dataset.grids.filter((g) => g.communityKey === community.key);
      const report = coverageReport(
        community.geometry,
        grids.map((g) => g.geometry),
      );
      expect(report.gapPercent).toBeLessThan(0.01);
      expect(report.overlapArea).toBeLessThan(0.01);
      expect(report.outsideArea).toBeLessThan(0.01);
    }
  });

  it("are valid polygons, as are the communities", () => {
    for (const shape of [...dataset.grids, ...dataset.communities]) {
      expect(booleanValid(shape.geometry), shape.name).toBe(true);
      expect(kinks(shape.geometry).features, shape.name).toHaveLength(0);
    }
  });

  it("have unique 15-digit codes numbered west to east, then north to south", () => {
    const codes = dataset.grids.map((g) => g.code);
    expect(new Set(codes).size).toBe(10);
    for (const community of dataset.communities) {
      const grids = dataset.grids.filter((g) => g.communityKey === community.key);
      const ordered = orderWestToEastNorthToSouth(
        grids.map((g) => feature(g.geometry, { code: g.code })),
      );
      expect(ordered.map((f) => f.properties.code)).toEqual(
        grids.map((_, i) => `${community.code}00${i + 1}`),
      );
      expect(grids.map((g) => g.name)).toEqual(
        grids.map((_, i) => `${community.name}第${i + 1}网格`),
      );
    }
  });

  it("have a lead hospital, at most two supporting ones, and use all 15 hospitals", () => {
    const hospitalKeys = dataset.units
      .filter((u) => HOSPITAL_KINDS.includes(u.kind))
      .map((u) => u.key);
    for (const grid of dataset.grids) {
      expect(hospitalKeys).toContain(grid.leadUnitKey);
      expect(grid.supportUnitKeys.length).toBeLessThanOrEqual(2);
      expect(grid.supportUnitKeys).not.toContain(grid.leadUnitKey);
    }
    const serving = new Set(dataset.grids.flatMap((g) => [g.leadUnitKey, ...g.supportUnitKeys]));
    expect([...serving].sort()).toEqual([...hospitalKeys].sort());
  });

  it("each have a leader and at least 8 volunteers, over 100 in all, each in one grid", () => {
    const volunteers = dataset.grids.flatMap((g) => g.volunteerKeys);
    const keys = new Set(dataset.people.map((p) => p.key));
    for (const grid of dataset.grids) {
      expect(keys.has(grid.leaderKey)).toBe(true);
      expect(grid.volunteerKeys.length).toBeGreaterThanOrEqual(8);
    }
    expect(volunteers.length).toBeGreaterThanOrEqual(100);
    expect(new Set([...volunteers, ...dataset.grids.map((g) => g.leaderKey)]).size).toBe(
      volunteers.length + 10,
    );
  });
});

describe("places", () => {
  it("puts both communities inside the Tengzhou outline, 0.6–1.5 km² each, not overlapping", () => {
    const city = readTengzhouOutline().geometry;
    for (const community of dataset.communities) {
      expect(booleanWithin(community.geometry, city)).toBe(true);
      expect(area(community.geometry) / 1e6).toBeGreaterThan(0.6);
      expect(area(community.geometry) / 1e6).toBeLessThan(1.5);
    }
    const [a, b] = dataset.communities.map((c) => feature(c.geometry));
    const shared = a && b ? intersect(featureCollection([a, b])) : null;
    expect(shared ? area(shared) : 0).toBeLessThan(0.01);
  });

  it("puts every problem and every grid point inside a grid", () => {
    const gridPoints = dataset.points.filter((p) => !p.unitKey);
    for (const place of [...gridPoints, ...dataset.problems]) {
      expect(gridContaining(place.location.coordinates), place.key).toHaveLength(1);
    }
  });

  it("has 60–120 points with a unit for every hospital point and 8 volunteer branches", () => {
    expect(dataset.points.length).toBeGreaterThanOrEqual(60);
    expect(dataset.points.length).toBeLessThanOrEqual(120);
    const unitKeys = new Set(dataset.units.map((u) => u.key));
    for (const point of dataset.points.filter(
      (p) => p.kind.startsWith("hospital") || p.kind === "waiting_hall",
    )) {
      expect(unitKeys.has(point.unitKey ?? "")).toBe(true);
    }
    expect(dataset.branches).toHaveLength(8);
    for (const branch of dataset.branches) expect(unitKeys.has(branch.leadUnitKey)).toBe(true);
    const branchKeys = new Set(dataset.branches.map((b) => b.key));
    for (const person of dataset.people) {
      expect(unitKeys.has(person.unitKey ?? "") && branchKeys.has(person.branchKey ?? "")).toBe(
        true,
      );
    }
  });
});

describe("problems", () => {
  it("exist in every status", () => {
    const statuses = new Set(dataset.problems.map(statusOf));
    for (const status of [...OPEN, "ledger", "closed"]) expect(statuses).toContain(status);
  });

  it("have a coherent history: a report first, each step from the last status, times rising", () => {
    for (const problem of dataset.problems) {
      const [first, ...rest] = problem.events;
      expect(first).toMatchObject({
        action: "report",
        fromStatus: null,
        toStatus: "reported",
        at: problem.reportedAt,
      });
      rest.forEach((event, i) => {
        const previous = problem.events[i];
        expect(event.fromStatus, problem.key).toBe(previous?.toStatus);
        expect(Date.parse(event.at)).toBeGreaterThan(Date.parse(previous?.at ?? ""));
        if (["return", "send_back", "to_ledger"].includes(event.action))
          expect(event.reason).toBeTruthy();
      });
      expect(Date.parse(problem.events.at(-1)?.at ?? "")).toBeLessThan(now.getTime());
      expect(Date.parse(problem.reportedAt)).toBeGreaterThan(now.getTime() - 8 * 7 * 24 * HOUR);
    }
  });

  it("set the deadline by severity from the last dispatch, plus granted extensions", () => {
    for (const problem of dataset.problems.filter((p) =>
      p.events.some((e) => e.action === "dispatch"),
    )) {
      const dispatched = problem.events.filter((e) => e.action === "dispatch").at(-1)?.at ?? "";
      const extensions = problem.events.filter((e) => e.action === "grant_extension").length;
      const days = DEADLINE_DAYS[problem.severity] * (1 + extensions);
      expect(Date.parse(problem.deadline) - Date.parse(dispatched)).toBe(days * 24 * HOUR);
    }
  });

  it("refer to existing standard items and points, deducting no more than the item is worth", () => {
    const pointKeys = new Set(dataset.points.map((p) => p.key));
    for (const problem of dataset.problems) {
      const item = standardItem(dataset.standard, problem.itemCode ?? "");
      expect(problem.deduction).toBeGreaterThanOrEqual(0);
      expect(problem.deduction).toBeLessThanOrEqual(item.points);
      if (problem.pointKey) expect(pointKeys.has(problem.pointKey)).toBe(true);
    }
  });

  it("include open problems that are overdue and open ones that are not", () => {
    const open = dataset.problems.filter((p) => OPEN.includes(statusOf(p) as ProblemStatus));
    const overdue = open.filter((p) => Date.parse(p.deadline) < now.getTime());
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(open.length - overdue.length).toBeGreaterThanOrEqual(5);
  });
});
