// What a PDF says as text and which fonts it embeds, read by poppler (pdftotext, pdffonts) as a
// reader's search or copy would read it.
import { execFileSync } from "node:child_process";

export const pdfText = (file: string) =>
  execFileSync("pdftotext", ["-layout", file, "-"]).toString();

/** pdffonts' table rows: name, type, encoding, embedded, subset… */
export const pdfFonts = (file: string) => execFileSync("pdffonts", [file]).toString();
