import { describe, expect, it } from "vitest";
import { boardPath, readBoardFilters } from "./board-filters.ts";

describe("board filters in the address", () => {
  it("reads the filters and goes back to the same address", () => {
    const path = "/problems?status=submitted&overdue=true&source=citizen&sort=newest&offset=50";
    const filters = readBoardFilters(new URL(path, "http://x").searchParams);
    expect(filters).toEqual({
      status: "submitted",
      overdue: true,
      source: "citizen",
      sort: "newest",
      offset: 50,
    });
    expect(boardPath(filters)).toBe(path);
  });

  it("ignores values it does not know and leaves defaults out of the address", () => {
    const filters = readBoardFilters(new URLSearchParams("status=lost&offset=-3&sort=x"));
    expect(filters).toEqual({
      status: undefined,
      overdue: false,
      source: undefined,
      sort: "urgency",
      offset: 0,
    });
    expect(boardPath(filters)).toBe("/problems");
  });
});
