import { describe, expect, it } from "vitest";
import { photoProblem } from "./photo-check.ts";

const mb = 1024 * 1024;

describe("photoProblem", () => {
  it("takes a JPEG, PNG or WebP of up to 10 MB", () => {
    expect(photoProblem({ name: "a.jpg", type: "image/jpeg", size: 10 * mb })).toBeNull();
    expect(photoProblem({ name: "a.png", type: "image/png", size: 1 })).toBeNull();
    expect(photoProblem({ name: "a.webp", type: "image/webp", size: mb })).toBeNull();
  });

  it("refuses other kinds of file, naming the file", () => {
    expect(photoProblem({ name: "a.pdf", type: "application/pdf", size: mb })).toEqual({
      key: "citizen.photoWrongType",
      values: { name: "a.pdf" },
    });
    expect(photoProblem({ name: "a.heic", type: "", size: mb })?.key).toBe(
      "citizen.photoWrongType",
    );
  });

  it("refuses a photo over 10 MB, saying how large it is", () => {
    expect(photoProblem({ name: "big.jpg", type: "image/jpeg", size: 12.34 * mb })).toEqual({
      key: "citizen.photoTooBig",
      values: { name: "big.jpg", size: "12.3", mb: "10" },
    });
  });
});
