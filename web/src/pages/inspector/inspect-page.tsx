// The inspector's phone page (检查): kind and standard, the points visited, a result per checklist
// item at each point, then one POST; failed items come back as problems to rectify.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, fieldErrors } from "../../api/client.ts";
import { inspectionQueries, inspectionsApi } from "../../api/inspections.ts";
import { queries } from "../../api/queries.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { formatPoints } from "../../format.ts";
import {
  addPoint,
  draftTotals,
  emptyDraft,
  type InspectionDraft,
  inspectionBody,
  markItem,
  passTheRest,
  removePoint,
} from "./inspection-draft.ts";
import { InspectionResult } from "./inspection-result.tsx";
import { InspectionSetup } from "./inspection-setup.tsx";
import { PointChecklist } from "./point-checklist.tsx";
import { PointPicker } from "./point-picker.tsx";

export function InspectPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState<InspectionDraft>(emptyDraft);
  const [current, setCurrent] = useState<number | null>(null);
  const [uploads, setUploads] = useState(0);
  const standards = useQuery(inspectionQueries.standards());
  const points = useQuery(queries.inspectionPoints());
  const usable = (standards.data?.standards ?? []).filter((s) => s.status !== "draft");
  // The active standard unless the inspector picks another.
  const standardId =
    draft.standardId ?? (usable.find((s) => s.status === "active") ?? usable[0])?.id ?? null;
  const standard = useQuery({
    ...inspectionQueries.standard(standardId ?? 0),
    enabled: standardId !== null,
  });
  const record = useMutation({
    mutationFn: inspectionsApi.record,
    onSuccess: () => client.invalidateQueries({ queryKey: ["problems"] }),
  });

  const items = useMemo(
    () => (standard.data?.categories ?? []).flatMap((category) => category.items),
    [standard.data],
  );
  const itemPoints = useMemo(() => new Map(items.map((item) => [item.id, item.points])), [items]);
  const totals = draftTotals(draft, itemPoints);
  const pointName = (id: number) =>
    points.data?.features.find((point) => point.id === id)?.properties.name ?? String(id);
  const failed = standards.error ?? points.error ?? standard.error;

  if (record.data)
    return (
      <div className="page inspect-page">
        <InspectionResult
          inspection={record.data}
          onNext={() => {
            record.reset();
            setDraft(emptyDraft(draft.kind));
            setCurrent(null);
          }}
        />
      </div>
    );

  const submit = () => {
    if (standardId !== null) record.mutate(inspectionBody(draft, standardId));
  };
  const noVisits = fieldErrors(record.error).visits;
  return (
    <div className="page inspect-page">
      <PageHead heading={t("inspect.heading")} />
      {failed && <ErrorBanner message={failed.message} />}
      <InspectionSetup
        kind={draft.kind}
        onKind={(kind) => setDraft((d) => ({ ...d, kind }))}
        standards={usable}
        standardId={standardId}
        onStandard={(id) =>
          setDraft((d) => ({ ...emptyDraft(d.kind), standardId: id, points: d.points }))
        }
      />
      <PointPicker
        points={points.data?.features ?? []}
        picked={draft.points}
        current={current}
        onOpen={setCurrent}
        onAdd={(id) => {
          setDraft((d) => addPoint(d, id));
          setCurrent(id);
        }}
        onRemove={(id) => {
          setDraft((d) => removePoint(d, id));
          if (current === id) setCurrent(null);
        }}
        markedAt={(id) => Object.keys(draft.marks[id] ?? {}).length}
      />
      {current !== null && standard.data && (
        <PointChecklist
          pointName={pointName(current)}
          categories={standard.data.categories}
          marks={draft.marks[current] ?? {}}
          onMark={(itemId, change) => setDraft((d) => markItem(d, current, itemId, change))}
          onPassRest={() =>
            setDraft((d) =>
              passTheRest(
                d,
                current,
                items.map((item) => item.id),
              ),
            )
          }
          onBusy={(busy) => setUploads((count) => count + (busy ? 1 : -1))}
        />
      )}
      <label className="inspect-note">
        <span>{t("inspect.inspectionNote")}</span>
        <textarea
          rows={2}
          maxLength={1000}
          value={draft.note}
          onChange={(event) => setDraft((d) => ({ ...d, note: event.target.value }))}
        />
      </label>
      <div className="inspect-submit">
        {record.error && <ErrorBanner message={noVisits ?? errorText(record.error)} />}
        <span>
          {t("inspect.totals", {
            visited: totals.visited,
            checked: totals.checked,
            failed: totals.failed,
            points: formatPoints(totals.pointsLost, i18n.language),
          })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={record.isPending || uploads > 0 || totals.checked === 0 || standardId === null}
          onClick={submit}
        >
          {record.isPending ? t("rectification.sending") : t("inspect.submit")}
        </button>
      </div>
    </div>
  );
}
