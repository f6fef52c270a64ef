// The printed sheet as files to save: a PNG, and a one-page A4 PDF (jsPDF, loaded on demand).

export function pngOf(sheet: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    sheet.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png"),
  );
}

export async function pdfOf(sheet: HTMLCanvasElement): Promise<Blob> {
  const { jsPDF } = await import("jspdf");
  const pdf = new jsPDF({ orientation: "landscape", unit: "mm", format: "a4" });
  // A JPEG keeps the PDF a few hundred kB; the sheet is flat colour and text either way.
  pdf.addImage(sheet.toDataURL("image/jpeg", 0.95), "JPEG", 0, 0, 297, 210);
  return pdf.output("blob");
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
