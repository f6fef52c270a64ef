// The printed sheet as files to save: a PNG, and a one-page A4 PDF whose words are real text.
import { flatten, type Sheet } from "./sheet-text.ts";

export function pngOf(sheet: Sheet): Promise<Blob> {
  return new Promise((resolve, reject) =>
    flatten(sheet).toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))),
      "image/png",
    ),
  );
}

/** The sheet as a one-page A4 PDF with its words as text (pdf-writer.ts, loaded only now). */
export async function pdfOf(sheet: Sheet, title: string): Promise<Blob> {
  const { writePdf } = await import("./pdf-writer.ts");
  return writePdf(sheet, title);
}
