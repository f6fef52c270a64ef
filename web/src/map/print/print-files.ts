// The printed sheet as files to save: a PNG, and a one-page A4 PDF whose words are real text
// (pdf-lib with a subset of Noto Sans SC embedded), over the art as one JPEG. pdf-lib, fontkit
// and the font (10 MB) are loaded only when a PDF is made.
import { fittedSize, flatten, type Sheet } from "./sheet-text.ts";

/** A4 landscape, PDF points. */
const PAGE = { width: 841.89, height: 595.28 };

export function pngOf(sheet: Sheet): Promise<Blob> {
  return new Promise((resolve, reject) =>
    flatten(sheet).toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))),
      "image/png",
    ),
  );
}

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
  const { default: url } = await import(
    "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url"
  );
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font: HTTP ${response.status}`);
  return response.arrayBuffer();
}

const rgbOf = (hex: string) =>
  [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];

export async function pdfOf(sheet: Sheet, title: string): Promise<Blob> {
  const [{ PDFDocument, rgb }, { default: fontkit }, font, art] = await Promise.all([
    import("pdf-lib"),
    import("@pdf-lib/fontkit"),
    fontBytes(),
    jpegOf(sheet.art),
  ]);
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

/** Saves a file the way a download link does. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
