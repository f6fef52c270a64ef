// Setting up campaigns and tasks, one by one or from a sheet, and the assignees' steps: each is
// one transaction here; the routes parse the request and read the result back for the answer.
import type { Executor, Orm } from "../db/client.ts";
import { type AppError, invalidFields } from "../errors.ts";
import type { Scope } from "../policy/scope.ts";
import { type Actor, type CampaignInput, createCampaign } from "./campaigns.ts";
import { prepareTask, type TaskInput } from "./rules.ts";
import { readTaskSheet } from "./sheet.ts";
import {
  completeAssignment,
  insertTask,
  remindAssignment,
  reportProgress,
  returnAssignment,
} from "./write.ts";

type Problems = NonNullable<ConstructorParameters<typeof AppError>[3]>;

/** A campaign with its four phases, in order; returns its id. */
export function setUpCampaign(orm: Orm, actor: Actor, input: CampaignInput) {
  return orm.transaction((tx) => createCampaign(tx, actor, input));
}

/** One task with an assignment per unit and grid; returns its id. */
export function createTask(orm: Orm, actor: Actor, input: TaskInput) {
  return orm.transaction(async (tx) => {
    const prepared = await prepareTask(tx, actor.cityId, input);
    if (!prepared.ok) throw invalidFields(prepared.problems);
    return insertTask(tx, actor, prepared.task);
  });
}

/** Tasks from an XLSX sheet into a campaign: every row checked first, all rows or none. */
export function importTasks(orm: Orm, actor: Actor, campaignId: number, bytes: ArrayBuffer) {
  return orm.transaction(async (tx) => {
    const sheet = await readTaskSheet(tx, actor.cityId, campaignId, bytes);
    if (!sheet.ok) throw invalidFields(sheet.problems);
    const prepared = [];
    const problems: Problems = {};
    for (const { row, input } of sheet.rows) {
      const p = await prepareTask(tx, actor.cityId, input);
      if (p.ok) prepared.push(p.task);
      else {
        const [field, problem] = Object.entries(p.problems)[0] ?? [];
        if (problem) {
          problems[`row ${row}`] = {
            key: "field.sheet_cell",
            params: { row, column: field === "deadline" ? "截止日期" : "责任单位", problem },
          };
        }
      }
    }
    if (Object.keys(problems).length) throw invalidFields(problems);
    const ids: number[] = [];
    for (const task of prepared) ids.push(await insertTask(tx, actor, task));
    return ids;
  });
}

export type AssignmentStep =
  | { kind: "progress"; progress: number; note?: string | undefined }
  | { kind: "complete"; note: string; fileIds: number[] }
  | { kind: "remind" }
  | { kind: "return"; reason: string };

/** One step on an assignment (report progress, complete, remind, return); returns its task's id. */
export function stepAssignment(
  orm: Orm,
  actor: Actor,
  scope: Scope,
  assignmentId: number,
  step: AssignmentStep,
): Promise<number> {
  return orm.transaction((tx: Executor) => {
    switch (step.kind) {
      case "progress":
        return reportProgress(tx, actor, scope, assignmentId, step);
      case "complete":
        return completeAssignment(tx, actor, scope, assignmentId, step);
      case "remind":
        return remindAssignment(tx, actor, scope, assignmentId);
      case "return":
        return returnAssignment(tx, actor, scope, assignmentId, step.reason);
    }
  });
}
