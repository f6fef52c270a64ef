// The printed sheet as a one-page A4 PDF: the art as one JPEG, every word over it as real text
// (selectable, searchable) in a subset of Noto Sans SC (OFL) embedded by pdf-lib with fontkit.
// Imported only when a PDF is made: pdf-lib, fontkit (~1 MB) and the font (10 MB, fetched here)
// stay out of the page's first load and out of the offline shell (vite.config.ts).
import fontUrl from "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";
import { fittedSize, type Sheet } from "./sheet-text.ts";

/** A4 landscape, PDF points. */
const PAGE = { width: 841.89, height: 595.28 };

function jpegOf(canvas: HTMLCanvasElement): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob.arrayBuffer()) : reject(new Error("no JPEG"))),
      "image/jpeg",
      0.92,
    ),
  );
}

async function fontBytes(): Promise<ArrayBuffer> {
  const response = await fetch(fontUrl);
  if (!response.ok) throw new Error(`font: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const rgbOf = (hex: string) =>
  [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];

export async function writePdf(sheet: Sheet, title: string): Promise<Blob> {
  const [font, art] = await Promise.all([fontBytes(), jpegOf(sheet.art)]);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  pdf.setCreator("CivGrid");
  const face = await pdf.embedFont(font, { subset: true });
  const page = pdf.addPage([PAGE.width, PAGE.height]);
  page.drawImage(await pdf.embedJpg(art), { x: 0, y: 0, ...PAGE });
  const scale = PAGE.width / sheet.art.width;
  for (const run of sheet.texts) {
    const measured = face.widthOfTextAtSize(run.text, run.size);
    const size = fittedSize(run.size, measured, run.maxWidth) * scale;
    const width = face.widthOfTextAtSize(run.text, size);
    // Regular weight only (one 10 MB font file to load): titles stand out by their size.
    page.drawText(run.text, {
      x: run.x * scale - (run.align === "center" ? width / 2 : 0),
      y: PAGE.height - run.y * scale,
      size,
      font: face,
      color: rgb(...rgbOf(run.colour)),
    });
  }
  return new Blob([(await pdf.save()) as Uint8Array<ArrayBuffer>], { type: "application/pdf" });
}
