import { describe, expect, it } from "vitest";
import { hashPassword, oneTimePassword, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "correct horse")).toBe(true);
    expect(await verifyPassword(stored, "wrong horse")).toBe(false);
    expect(await verifyPassword("not a hash", "correct horse")).toBe(false);
  });

  it("makes one-time passwords without look-alike characters", () => {
    const made = new Set(Array.from({ length: 50 }, () => oneTimePassword()));
    expect(made.size).toBe(50);
    for (const p of made) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
  });
});
