// The demo's volunteers at work: a few patrols in every grid this week, a dedication day last
// week (attended) and ones coming up (today's among them), and each grid team's branch activities.
import { chinaDate, chinaWeekday } from "@civgrid/geo";
import type {
  SeedActivity,
  SeedDedicationDay,
  SeedGrid,
  SeedPatrol,
  SeedPerson,
  SeedTrackPoint,
  SeedVolunteering,
} from "../dataset.ts";
import type { Random } from "./random.ts";
import { randomPointIn } from "./sample.ts";

const DAY_MS = 86_400_000;
/** Seconds between two positions a phone samples on patrol. */
const SAMPLE_S = 20;
const WAYPOINTS = 5;
/** Interpolated positions between two waypoints. */
const STEPS = 6;

const ACTIVITIES: { kind: string; title: string }[] = [
  { kind: "health_promotion", title: "社区健康知识宣讲" },
  { kind: "elderly_care", title: "走访慰问高龄老人" },
  { kind: "traffic_persuasion", title: "路口文明交通劝导" },
  { kind: "environment_cleanup", title: "楼道小广告清理" },
  { kind: "patient_assistance", title: "门诊导医志愿服务" },
];

const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** A walk through `WAYPOINTS` places inside the grid, sampled every `SAMPLE_S` seconds from `start`. */
function walk(grid: SeedGrid, start: Date, random: Random): SeedTrackPoint[] {
  const stops = Array.from({ length: WAYPOINTS }, () => randomPointIn(grid.geometry, random, 15));
  const [cx, cy] = [0, 1].map(
    (axis) => stops.reduce((sum, s) => sum + (s.coordinates[axis] ?? 0), 0) / stops.length,
  ) as [number, number];
  // Around the middle, so the track reads as a round rather than a scribble.
  const angle = (p: number[]) => Math.atan2((p[1] ?? 0) - cy, (p[0] ?? 0) - cx);
  const ring = stops.map((s) => s.coordinates).sort((a, b) => angle(a) - angle(b));
  const points: SeedTrackPoint[] = [];
  ring.forEach((from, i) => {
    const to = ring[(i + 1) % ring.length] ?? from;
    for (let step = 0; step < STEPS; step++) {
      const f = step / STEPS;
      const lon = (from[0] ?? 0) + ((to[0] ?? 0) - (from[0] ?? 0)) * f;
      const lat = (from[1] ?? 0) + ((to[1] ?? 0) - (from[1] ?? 0)) * f;
      points.push({
        lon: Math.round(lon * 1e6) / 1e6,
        lat: Math.round(lat * 1e6) / 1e6,
        at: new Date(start.getTime() + points.length * SAMPLE_S * 1000).toISOString(),
        accuracyM: Math.round(random.between(4, 25)),
      });
    }
  });
  return points;
}

export function buildVolunteering(
  grids: SeedGrid[],
  people: SeedPerson[],
  now: Date,
  random: Random,
): SeedVolunteering {
  const branchOf = new Map(people.map((p) => [p.key, p.branchKey]));
  const patrols: SeedPatrol[] = [];
  const dedicationDays: SeedDedicationDay[] = [];
  const activities: SeedActivity[] = [];
  // Monday of this week, China time: this week's patrols fall between it and today.
  const weekday = chinaWeekday(now);
  grids.forEach((grid, g) => {
    const walkers = [grid.leaderKey, ...grid.volunteerKeys.slice(0, 2)];
    walkers.forEach((personKey, w) => {
      // Before today where the week allows, so that no walk lies ahead of the moment the demo loads.
      const day = -Math.min(weekday, 1 + ((g + w) % 3));
      const start = new Date(daysFrom(now, day).getTime() + (9 + w * 2) * 3_600_000);
      patrols.push({ personKey, gridKey: grid.key, points: walk(grid, start, random) });
    });
    const team = [grid.leaderKey, ...grid.volunteerKeys];
    const lastWeek = daysFrom(now, -7 + (g % 3));
    dedicationDays.push({
      gridKey: grid.key,
      heldOn: chinaDate(lastWeek),
      title: "创城网格奉献日",
      signups: team.map((personKey, i) => {
        const attended = i % 4 !== 3;
        if (!attended) return { personKey };
        const at = randomPointIn(grid.geometry, random, 20).coordinates;
        const time = new Date(lastWeek.getTime() + (8.5 + i * 0.05) * 3_600_000);
        return {
          personKey,
          checkIn: { lon: at[0] ?? 0, lat: at[1] ?? 0, at: time.toISOString(), accuracyM: 10 },
        };
      }),
    });
    dedicationDays.push({
      gridKey: grid.key,
      heldOn: chinaDate(now),
      title: "创城网格奉献日",
      signups: team.slice(0, 3).map((personKey) => ({ personKey })),
    });
    dedicationDays.push({
      gridKey: grid.key,
      heldOn: chinaDate(daysFrom(now, 7 + (g % 5))),
      title: "创城网格奉献日",
      signups: [],
    });
    for (let a = 0; a < 3; a++) {
      const what = ACTIVITIES[(g + a) % ACTIVITIES.length] ?? ACTIVITIES[0];
      const branchKey = branchOf.get(grid.leaderKey);
      if (!what || !branchKey) continue;
      activities.push({
        branchKey,
        gridKey: grid.key,
        kind: what.kind,
        title: what.title,
        heldOn: chinaDate(daysFrom(now, -(3 + a * 9 + g))),
        participants: team
          .filter((_, i) => (i + a) % 3 !== 2)
          .map((personKey) => ({ personKey, hours: 1 + random.int(0, 6) * 0.5 })),
      });
    }
  });
  return { patrols, dedicationDays, activities };
}
