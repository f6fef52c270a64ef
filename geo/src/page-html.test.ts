import { describe, expect, it } from "vitest";
import { CITIZEN_PAGE_HTML, MY_AREA_PAGE_HTML, pageHtmlAt } from "./page-html.ts";

describe("the copy of index.html an address is sent", () => {
  it("is the citizens' copy at /report and /report/{number}, the patrol area's at /my-area", () => {
    expect(pageHtmlAt("/report")).toBe(CITIZEN_PAGE_HTML);
    expect(pageHtmlAt("/report/42")).toBe(CITIZEN_PAGE_HTML);
    expect(pageHtmlAt("/my-area")).toBe(MY_AREA_PAGE_HTML);
  });

  it("is index.html itself everywhere else, the volunteer's / among them (it is everyone's)", () => {
    for (const other of [
      "/",
      "/login",
      "/my-area/",
      "/my-area/x",
      "/map",
      "/reports",
      "/report/abc",
    ])
      expect(pageHtmlAt(other), other).toBeNull();
  });
});
