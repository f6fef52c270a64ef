// An inspection being recorded on a phone: its kind and standard, the points visited in order,
// and a mark per checklist item at each point; turned into POST /api/inspections at the end.
import type { StoredFile } from "../../api/files.ts";
import type { InspectionKind, ItemOutcome, NewInspection } from "../../api/inspections.ts";

export interface ItemMark {
  result: ItemOutcome;
  /** As typed; empty means the item's full points (the API's default for a failed item). */
  deduction: string;
  note: string;
  photos: StoredFile[];
}

export interface InspectionDraft {
  kind: InspectionKind;
  standardId: number | null;
  note: string;
  /** Point ids in the order they were added. */
  points: number[];
  /** point id → item id → mark; an item without a mark was not looked at. */
  marks: Record<number, Record<number, ItemMark>>;
}

export const emptyDraft = (kind: InspectionKind = "open"): InspectionDraft => ({
  kind,
  standardId: null,
  note: "",
  points: [],
  marks: {},
});

export const addPoint = (draft: InspectionDraft, pointId: number): InspectionDraft =>
  draft.points.includes(pointId) ? draft : { ...draft, points: [...draft.points, pointId] };

export function removePoint(draft: InspectionDraft, pointId: number): InspectionDraft {
  const { [pointId]: _, ...marks } = draft.marks;
  return { ...draft, points: draft.points.filter((id) => id !== pointId), marks };
}

/** Sets (part of) one item's mark at one point; a new mark starts as a pass with nothing else. */
export function markItem(
  draft: InspectionDraft,
  pointId: number,
  itemId: number,
  change: Partial<ItemMark>,
): InspectionDraft {
  const point = draft.marks[pointId] ?? {};
  const mark: ItemMark = {
    ...(point[itemId] ?? { result: "pass", deduction: "", note: "", photos: [] }),
    ...change,
  };
  return { ...draft, marks: { ...draft.marks, [pointId]: { ...point, [itemId]: mark } } };
}

/** Marks every item not yet looked at at a point as passed. */
export function passTheRest(
  draft: InspectionDraft,
  pointId: number,
  itemIds: readonly number[],
): InspectionDraft {
  const point = draft.marks[pointId] ?? {};
  return itemIds
    .filter((itemId) => !point[itemId])
    .reduce((next, itemId) => markItem(next, pointId, itemId, { result: "pass" }), draft);
}

/** Points lost for one mark: the typed deduction, or the item's full points when it failed. */
export function pointsLost(mark: ItemMark, itemPoints: number): number {
  if (mark.result !== "fail") return 0;
  const typed = Number(mark.deduction);
  return mark.deduction.trim() !== "" && Number.isFinite(typed) ? typed : itemPoints;
}

export interface DraftTotals {
  visited: number;
  checked: number;
  failed: number;
  pointsLost: number;
}

export function draftTotals(
  draft: InspectionDraft,
  itemPoints: ReadonlyMap<number, number>,
): DraftTotals {
  const totals: DraftTotals = { visited: 0, checked: 0, failed: 0, pointsLost: 0 };
  for (const pointId of draft.points) {
    const marks = Object.entries(draft.marks[pointId] ?? {});
    if (marks.length) totals.visited += 1;
    for (const [itemId, mark] of marks) {
      totals.checked += 1;
      if (mark.result === "fail") totals.failed += 1;
      totals.pointsLost += pointsLost(mark, itemPoints.get(Number(itemId)) ?? 0);
    }
  }
  return totals;
}

/** The request body: points with at least one mark, in the order they were visited. */
export function inspectionBody(draft: InspectionDraft, standardId: number): NewInspection {
  const visits = draft.points
    .map((pointId) => ({
      pointId,
      results: Object.entries(draft.marks[pointId] ?? {}).map(([itemId, mark]) => ({
        itemId: Number(itemId),
        result: mark.result,
        ...(mark.result === "fail" &&
          mark.deduction.trim() !== "" && { deduction: Number(mark.deduction) }),
        ...(mark.note.trim() && { note: mark.note.trim() }),
        ...(mark.photos.length && { photoIds: mark.photos.map((photo) => photo.id) }),
      })),
    }))
    .filter((visit) => visit.results.length > 0);
  return {
    kind: draft.kind,
    standardId,
    ...(draft.note.trim() && { note: draft.note.trim() }),
    visits,
  };
}
