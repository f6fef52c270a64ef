// A problem's photos for verification: as found (before) and as rectified (after) side by side;
// a thumbnail opens the full photo.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProblemPhoto } from "../api/types.ts";
import { Dialog } from "./dialog.tsx";

export function PhotoCompare({ photos }: { photos: readonly ProblemPhoto[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ProblemPhoto | null>(null);
  // The latest rectification first: after a rework, that is the one to verify.
  const after = photos
    .filter((photo) => photo.phase === "after")
    .sort((a, b) => (b.eventSeq ?? 0) - (a.eventSeq ?? 0));
  const columns = [
    { phase: "before", photos: photos.filter((photo) => photo.phase === "before") },
    { phase: "after", photos: after },
  ] as const;
  return (
    <div className="photo-compare">
      {columns.map((column) => (
        <section key={column.phase} aria-label={t(`photos.${column.phase}`)}>
          <h4>{t(`photos.${column.phase}`)}</h4>
          {column.photos.length === 0 && <p className="muted">{t("photos.none")}</p>}
          <ul className="photo-grid">
            {column.photos.map((photo) => (
              <li key={photo.fileId}>
                <button type="button" onClick={() => setOpen(photo)}>
                  <img
                    src={photo.thumbnailUrl}
                    alt={t("photos.photoOf", { phase: t(`photos.${photo.phase}`) })}
                  />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {open && (
        <Dialog heading={t(`photos.${open.phase}`)} onClose={() => setOpen(null)}>
          <a className="photo-full" href={open.url} target="_blank" rel="noreferrer">
            <img src={open.url} alt={t("photos.photoOf", { phase: t(`photos.${open.phase}`) })} />
          </a>
        </Dialog>
      )}
    </div>
  );
}
