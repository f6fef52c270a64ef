// The 8 volunteer branches (支队) of the medical volunteer corps, grid leaders and volunteers.
import type { SeedBranch, SeedPerson } from "../dataset.ts";
import type { NameBook } from "./names.ts";
import type { Random } from "./random.ts";

/** Focuses from the Tengzhou article: 恤病助医、疾控防治、健康促进、为老服务、心理援助… */
export const BRANCHES: SeedBranch[] = [
  branch("patient-aid", "恤病助医", "unit-central-hospital"),
  branch("disease-control", "疾控防治", "unit-cdc"),
  branch("health-promotion", "健康促进", "unit-maternal-child"),
  branch("elderly-care", "为老服务", "unit-tcm-hospital"),
  branch("psychological-aid", "心理援助", "unit-mental-health"),
  branch("traffic-civility", "文明交通劝导", "unit-second-hospital"),
  branch("free-clinic", "义诊送健康", "unit-workers-hospital"),
  branch("patriotic-health", "爱国卫生", "unit-bureau"),
];

function branch(key: string, focus: string, leadUnitKey: string): SeedBranch {
  return { key: `branch-${key}`, name: `滕州市医疗健康志愿服务队${focus}支队`, focus, leadUnitKey };
}

const VOLUNTEER_TITLES = [
  "主治医师",
  "住院医师",
  "副主任医师",
  "主管护师",
  "护师",
  "护士",
  "药师",
  "检验技师",
  "影像技师",
  "院办干事",
  "党办干事",
  "团委书记",
  "工会干事",
  "后勤科科员",
  "医务科科员",
];
const LEADER_TITLES = [
  "党委委员、副院长",
  "党总支书记",
  "院办主任",
  "门诊部主任",
  "护理部主任",
  "工会主席",
  "后勤保障科科长",
  "医务科科长",
  "党办主任",
  "团委书记",
];
/** Volunteers per grid, 106 in all: every grid has well over the 8 it needs for a patrol day. */
const VOLUNTEERS_PER_GRID = [11, 10, 10, 12, 9, 11, 10, 12, 10, 11];

export interface GridCrew {
  leaderKey: string;
  volunteerKeys: string[];
}

/**
 * One leader and a team of volunteers per grid, drawn from the grid's lead unit (mostly) and
 * its supporting units. Staff of a unit that leads a branch mostly serve in that branch.
 */
export function buildPeople(
  grids: readonly { leadUnitKey: string; supportUnitKeys: string[] }[],
  names: NameBook,
  random: Random,
): { people: SeedPerson[]; crews: GridCrew[] } {
  const people: SeedPerson[] = [];
  const enlist = (unitKey: string, title: string, partyMember: boolean): string => {
    const key = `person-${String(people.length + 1).padStart(3, "0")}`;
    const branchKey = branchFor(unitKey, random);
    people.push({
      key,
      name: names.name(),
      mobile: names.mobile(),
      title,
      unitKey,
      branchKey,
      partyMember,
    });
    return key;
  };
  const crews = grids.map((grid, i) => {
    // Grid leaders are party members of the lead unit: the article's 党员带头干.
    const leaderKey = enlist(grid.leadUnitKey, random.pick(LEADER_TITLES), true);
    const volunteerKeys = Array.from({ length: VOLUNTEERS_PER_GRID[i] ?? 8 }, () => {
      const unitKey =
        grid.supportUnitKeys.length > 0 && random.chance(0.35)
          ? random.pick(grid.supportUnitKeys)
          : grid.leadUnitKey;
      return enlist(unitKey, random.pick(VOLUNTEER_TITLES), random.chance(0.8));
    });
    return { leaderKey, volunteerKeys };
  });
  return { people, crews };
}

function branchFor(unitKey: string, random: Random): string {
  const led = BRANCHES.find((b) => b.leadUnitKey === unitKey);
  return led && random.chance(0.7) ? led.key : random.pick(BRANCHES).key;
}
