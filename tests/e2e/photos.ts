// Photos for browser tests, drawn by the page itself so no binary fixture is needed.
import type { Page } from "playwright-core";

/** A small photo drawn in the page: a coloured square with a word on it, as PNG bytes. */
export async function photo(page: Page, colour: string, word: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([fill, text]) => {
      const canvas = document.createElement("canvas");
      canvas.width = 160;
      canvas.height = 120;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2d canvas");
      context.fillStyle = fill ?? "#888";
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = "#fff";
      context.font = "28px sans-serif";
      context.fillText(text ?? "", 20, 70);
      return canvas.toDataURL("image/png");
    },
    [colour, word],
  );
  return Buffer.from(dataUrl.split(",")[1] ?? "", "base64");
}
