// The Tengzhou demo city: the health bureau's two assigned communities, ten grids, fifteen
// hospitals, volunteers, the hospital point standard and problems in every rectification status.
import { startOfDayInChina } from "@civgrid/geo";
import type { SeedCommunity, SeedDataset } from "../dataset.ts";
import { buildCampaign } from "./campaign.ts";
import { drawCommunities } from "./geometry.ts";
import { buildGrids, GRID_UNITS } from "./grids.ts";
import { NameBook } from "./names.ts";
import { BRANCHES, buildPeople } from "./people.ts";
import { gridPoints, hospitalPoints } from "./points.ts";
import { buildProblems } from "./problems.ts";
import { Random } from "./random.ts";
import { buildCommunities, buildRegions } from "./regions.ts";
import { buildStandard } from "./standard.ts";
import { buildUnits, HOSPITAL_KINDS } from "./units.ts";
import { buildVolunteering } from "./volunteering.ts";

/** One seed per concern, so changing how points are drawn does not reshuffle the people. */
const SEEDS = { names: 2022, units: 15, people: 100, points: 42, problems: 11, volunteering: 7 };

/**
 * Builds the demo dataset. Pure: the same `now` gives a deep-equal dataset. Every time in it
 * (reports, deadlines, rectification steps) lies within about eight weeks before `now`, so
 * whenever the demo is loaded some problems are overdue and some are not.
 */
export function buildTengzhou({
  now = startOfDayInChina(new Date()),
}: {
  now?: Date;
} = {}): SeedDataset {
  const regions = buildRegions();
  const [westShape, eastShape] = drawCommunities();
  const communities = buildCommunities(westShape, eastShape);
  const names = new NameBook(new Random(SEEDS.names));
  const units = buildUnits(
    [...westShape.grids, ...eastShape.grids],
    names,
    new Random(SEEDS.units),
  );
  const { people, crews } = buildPeople(GRID_UNITS, names, new Random(SEEDS.people));
  const [fanyang, guopengzhuang] = communities as [SeedCommunity, SeedCommunity];
  const grids = buildGrids(
    [
      { community: fanyang, shapes: westShape.grids },
      { community: guopengzhuang, shapes: eastShape.grids },
    ],
    GRID_UNITS,
    crews,
  );
  const hospitals = units.filter((unit) => HOSPITAL_KINDS.includes(unit.kind));
  const points = [
    ...hospitalPoints(hospitals),
    ...gridPoints(grids, communities, new Random(SEEDS.points)),
  ];
  const standard = buildStandard();
  const problems = buildProblems(
    { grids, points, units, people, standard },
    names,
    now,
    new Random(SEEDS.problems),
  );

  return {
    city: { code: "370481", name: "滕州市" },
    regions,
    communities,
    units,
    branches: BRANCHES,
    people,
    grids,
    standard,
    points,
    problems,
    volunteering: buildVolunteering(grids, people, now, new Random(SEEDS.volunteering)),
    campaign: buildCampaign(units, grids, now),
  };
}
