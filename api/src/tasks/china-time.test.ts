import { describe, expect, it } from "vitest";
import { addDays, dateInChina, endOfDayInChina, mondayOf, todayInChina } from "./china-time.ts";

describe("dates in China Standard Time", () => {
  it("counts a UTC evening as the next day in China", () => {
    expect(todayInChina(new Date("2023-03-05T17:00:00Z"))).toBe("2023-03-06");
    expect(dateInChina(new Date("2023-03-05T15:59:59Z"))).toBe("2023-03-05");
  });
  it("ends a deadline day at 23:59:59 in China", () => {
    expect(endOfDayInChina("2023-03-10").toISOString()).toBe("2023-03-10T15:59:59.000Z");
  });
  it("keys a week by its Monday, Sunday belonging to the week before", () => {
    expect(mondayOf("2023-03-08")).toBe("2023-03-06");
    expect(mondayOf("2023-03-06")).toBe("2023-03-06");
    expect(mondayOf("2023-03-12")).toBe("2023-03-06");
    expect(addDays("2023-02-27", 7)).toBe("2023-03-06");
  });
});
