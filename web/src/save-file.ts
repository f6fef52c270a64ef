// Saving what the page made or fetched (a PDF, a PNG, a zip) the way a download link does: the
// browser's own download, under the name given. One place for the materials archive, the printed
// sheets and the notice.

export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
