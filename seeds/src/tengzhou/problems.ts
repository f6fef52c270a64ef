// Problems found in the grids, in every status of the rectification loop, with their histories.
import { booleanPointInPolygon } from "@turf/turf";
import type { Point } from "geojson";
import type {
  ProblemStatus,
  SeedGrid,
  SeedInspectionPoint,
  SeedPerson,
  SeedProblem,
  SeedStandard,
  SeedUnit,
} from "../dataset.ts";
import type { NameBook } from "./names.ts";
import { PROBLEM_TEMPLATES, type ProblemTemplate } from "./problem-catalogue.ts";
import type { Random } from "./random.ts";
import { rectify } from "./rectification.ts";
import { randomPointIn } from "./sample.ts";
import { standardItem } from "./standard.ts";

/** 84 problems; a third closed, the rest spread over every open status. */
const STATUS_COUNTS: Record<ProblemStatus, number> = {
  closed: 32,
  rectifying: 12,
  dispatched: 9,
  submitted: 8,
  reported: 6,
  returned: 6,
  sent_back: 5,
  ledger: 6,
};

/** The campaign task force (创城专班), five people, as the article says. */
const TASK_FORCE = ["王磊", "孔祥宇", "颜丽", "张振华", "刘晓静"].map((name) => `创城专班 ${name}`);
/** The supervision group (督导组) that runs open and covert inspections. */
const INSPECTORS = ["褚庆海", "孙雅琳", "马建国", "田慧"];
const SEVERITY_STEPS: SeedProblem["severity"][] = ["minor", "normal", "serious"];

export interface ProblemWorld {
  grids: readonly SeedGrid[];
  points: readonly SeedInspectionPoint[];
  units: readonly SeedUnit[];
  people: readonly SeedPerson[];
  standard: SeedStandard;
}

export function buildProblems(
  world: ProblemWorld,
  names: NameBook,
  now: Date,
  random: Random,
): SeedProblem[] {
  const gridOf = (location: Point): SeedGrid | undefined =>
    world.grids.find((grid) => booleanPointInPolygon(location, grid.geometry));
  const pointsInGrids = world.points.filter((point) => gridOf(point.location));
  const statuses = random.shuffle(
    Object.entries(STATUS_COUNTS).flatMap(([status, count]) =>
      Array<ProblemStatus>(count).fill(status as ProblemStatus),
    ),
  );

  return statuses.map((status, i) => {
    const template = random.pick(PROBLEM_TEMPLATES);
    const candidates = pointsInGrids.filter((point) => template.kinds.includes(point.kind));
    // Street problems are often found between points; the others are always at one.
    const atPoint =
      candidates.length > 0 && !(template.kinds.includes("street") && random.chance(0.4));
    const point = atPoint ? random.pick(candidates) : undefined;
    const location = point?.location ?? randomPointIn(random.pick(world.grids).geometry, random, 8);
    const grid = gridOf(location);
    if (!grid) throw new Error(`Problem ${i + 1} lies outside every grid`);
    const source = sourceOf(template, random);
    const severity = severityOf(template, random);
    const reporterName =
      source === "inspection"
        ? random.pick(INSPECTORS)
        : source === "patrol"
          ? nameOf(world.people, random.pick(grid.volunteerKeys))
          : names.citizen();
    const history = rectify(
      status,
      severity,
      {
        reporter: `${REPORTER_ROLES[source]} ${reporterName}`,
        reportNote: REPORT_NOTES[source],
        coordinators: TASK_FORCE,
        units: [grid.leadUnitKey, grid.supportUnitKeys[0] ?? grid.leadUnitKey].map((key) =>
          unitCast(world.units, key),
        ),
        gridName: grid.name,
        fix: template.fix,
      },
      now,
      random,
    );
    const itemPoints = standardItem(world.standard, template.itemCode).points;
    return {
      key: `problem-${String(i + 1).padStart(3, "0")}`,
      source,
      severity,
      description: point ? `${point.name}：${template.description}` : template.description,
      location,
      itemCode: template.itemCode,
      ...(point ? { pointKey: point.key } : {}),
      // Inspectors deduct the item's points, or half for a partial failure; patrols and citizens do not score.
      deduction: source === "inspection" ? itemPoints * random.pick([1, 1, 0.5]) : 0,
      ...history,
      reporterName,
    };
  });
}

const REPORTER_ROLES: Record<SeedProblem["source"], string> = {
  inspection: "督导组",
  patrol: "网格志愿者",
  citizen: "市民",
};

const REPORT_NOTES: Record<SeedProblem["source"], string> = {
  inspection: "明查暗访发现",
  patrol: "创城网格奉献日巡查发现",
  citizen: "市民通过投诉页面反映",
};

function sourceOf(template: ProblemTemplate, random: Random): SeedProblem["source"] {
  const atHospital = template.kinds.some(
    (kind) => kind.startsWith("hospital") || kind === "waiting_hall",
  );
  const roll = random.next();
  if (atHospital) return roll < 0.7 ? "inspection" : "patrol";
  return roll < 0.35 ? "inspection" : roll < 0.8 ? "patrol" : "citizen";
}

/** Mostly the template's severity; now and then one step milder or graver, as judged on site. */
function severityOf(template: ProblemTemplate, random: Random): SeedProblem["severity"] {
  const index = SEVERITY_STEPS.indexOf(template.severity);
  const shift = random.chance(0.2) ? random.pick([-1, 1]) : 0;
  return SEVERITY_STEPS[Math.min(2, Math.max(0, index + shift))] ?? template.severity;
}

function nameOf(people: readonly SeedPerson[], key: string): string {
  const person = people.find((p) => p.key === key);
  if (!person) throw new Error(`No person ${key}`);
  return person.name;
}

function unitCast(units: readonly SeedUnit[], key: string): { name: string; admin: string } {
  const unit = units.find((u) => u.key === key);
  const admin = unit?.responsible.find((person) => person.duty === "platform_admin");
  if (!unit || !admin) throw new Error(`No unit ${key} with a platform admin`);
  return { name: unit.name, admin: `${unit.shortName}云平台管理员 ${admin.name}` };
}
