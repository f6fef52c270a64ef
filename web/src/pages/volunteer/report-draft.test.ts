import { describe, expect, it } from "vitest";
import {
  emptyReport,
  looseFix,
  missingFromReport,
  reportBody,
  restoreDraft,
} from "./report-draft.ts";

describe("a volunteer's problem report", () => {
  it("needs a place or a photo, and a description", () => {
    expect(missingFromReport(emptyReport)).toEqual({
      place: "volunteer.report.needPlaceOrPhoto",
      description: "volunteer.report.needDescription",
    });
    expect(missingFromReport({ ...emptyReport, hasPhoto: true, description: "垃圾满溢" })).toEqual(
      {},
    );
  });

  it("flags a GPS fix looser than 50 m, and keeps its accuracy in the report", () => {
    const draft = { ...emptyReport, place: [117.1, 35.1] as [number, number], accuracyM: 65 };
    expect(looseFix(draft)).toBe(true);
    expect(looseFix({ ...draft, accuracyM: 50 })).toBe(false);
    expect(reportBody({ ...draft, description: " 井盖缺失 " }).properties).toEqual({
      description: "井盖缺失",
      photoIds: [],
      gpsAccuracyM: 65,
    });
  });

  it("sends no geometry when the photo's own position is to be used", () => {
    const body = reportBody({ ...emptyReport, hasPhoto: true, itemId: 4, description: "x" }, [9]);
    expect(body.geometry).toBeNull();
    expect(body.properties).toEqual({ description: "x", photoIds: [9], itemId: 4 });
  });
});

describe("a report draft read back after a reload", () => {
  it("keeps the place, item and words, and asks for the photo again", () => {
    const kept = JSON.stringify({
      place: [117.16, 35.08],
      accuracyM: 12,
      hasPhoto: true,
      itemId: 4,
      description: "路灯不亮",
    });
    expect(restoreDraft(kept)).toEqual({
      place: [117.16, 35.08],
      accuracyM: 12,
      hasPhoto: false,
      itemId: 4,
      description: "路灯不亮",
    });
  });

  it("drops what is malformed, field by field, and reads nothing as the empty report", () => {
    expect(restoreDraft(null)).toEqual(emptyReport);
    expect(restoreDraft("{not json")).toEqual(emptyReport);
    expect(restoreDraft("42")).toEqual(emptyReport);
    expect(
      restoreDraft(
        JSON.stringify({ place: [1, "x"], accuracyM: 5, itemId: 1.5, description: "墙面破损" }),
      ),
    ).toEqual({ ...emptyReport, description: "墙面破损" });
  });
});
