// Who is responsible for a grid: lead and supporting units, grid leader and volunteers.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../../api/client.ts";
import { gridsApi } from "../../../api/grids.ts";
import type { GridDetailProperties } from "../../../api/types.ts";
import type { PickOption } from "../../../components/pick-list.tsx";
import { SubmitButton } from "../../../components/submit-buttons.tsx";
import { PersonPicker, UnitPicker } from "./pickers.tsx";
import { useGridWrite } from "./use-grid-write.ts";

const asOption = (item: { id: number; name: string }): PickOption => ({
  id: item.id,
  label: item.name,
});

export function AssignmentForm({ grid }: { grid: GridDetailProperties }) {
  const { t } = useTranslation();
  const [lead, setLead] = useState(grid.leadUnit ? [asOption(grid.leadUnit)] : []);
  const [support, setSupport] = useState(grid.supportUnits.map(asOption));
  const [leader, setLeader] = useState(grid.leader ? [asOption(grid.leader)] : []);
  const [volunteers, setVolunteers] = useState(grid.volunteers.map(asOption));
  const save = useGridWrite(
    () =>
      gridsApi.assign(grid, {
        leadUnitId: lead[0]?.id ?? null,
        supportUnitIds: support.map((unit) => unit.id).filter((id) => id !== lead[0]?.id),
        leaderPersonId: leader[0]?.id ?? null,
        volunteerPersonIds: volunteers.map((person) => person.id),
      }),
    { success: () => t("editor.assigned", { code: grid.code }) },
  );
  const errors = fieldErrors(save.error);

  return (
    <form
      className="editor-form assignment-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(undefined);
      }}
    >
      <UnitPicker
        label={t("grid.leadUnit")}
        multiple={false}
        picked={lead}
        onChange={setLead}
        error={errors.leadUnitId}
      />
      <UnitPicker
        label={t("grid.supportUnits")}
        multiple
        picked={support}
        onChange={setSupport}
        error={errors.supportUnitIds}
      />
      <PersonPicker
        label={t("grid.leader")}
        multiple={false}
        picked={leader}
        onChange={setLeader}
        error={errors.leaderPersonId}
      />
      <PersonPicker
        label={t("grid.volunteers")}
        multiple
        picked={volunteers}
        onChange={setVolunteers}
        error={errors.volunteerPersonIds}
      />
      <div className="form-buttons">
        <SubmitButton disabled={save.isPending}>
          {save.isPending ? t("editor.saving") : t("editor.saveAssignments")}
        </SubmitButton>
      </div>
    </form>
  );
}
