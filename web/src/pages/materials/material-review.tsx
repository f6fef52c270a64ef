// Reviewing one unit-week's materials: open each (an image or PDF previews here, anything else in
// a new tab), then accept it or return it with a reason — the verdict waits until it was opened.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BoardMaterial, tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { Dialog } from "../../components/dialog.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";

interface Props {
  heading: string;
  materials: BoardMaterial[];
  onClose: () => void;
}

/** What the browser shows by itself: images and PDFs; other files open in a new tab. */
const previewKind = (mime: string | null) =>
  mime?.startsWith("image/") ? "image" : mime === "application/pdf" ? "pdf" : null;

export function MaterialReview({ heading, materials, onClose }: Props) {
  const { t } = useTranslation();
  const accept = useTaskMutation(tasksApi.acceptMaterial);
  const giveBack = useTaskMutation(({ id, reason }: { id: number; reason: string }) =>
    tasksApi.returnMaterial(id, reason),
  );
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [opened, setOpened] = useState<Set<number>>(new Set());
  const [preview, setPreview] = useState<BoardMaterial | null>(null);
  const error = accept.error ?? giveBack.error;
  const markOpened = (m: BoardMaterial) => setOpened(new Set(opened).add(m.id));
  if (preview?.url) {
    return (
      <Dialog heading={preview.title} onClose={() => setPreview(null)}>
        {previewKind(preview.mime) === "image" ? (
          <img className="material-preview" src={preview.url} alt={preview.fileName ?? ""} />
        ) : (
          <iframe className="material-preview" src={preview.url} title={preview.title} />
        )}
        <p>
          <a href={preview.url} target="_blank" rel="noreferrer">
            {t("materials.openInTab")}
          </a>
        </p>
        <button type="button" onClick={() => setPreview(null)}>
          {t("materials.backToReview")}
        </button>
      </Dialog>
    );
  }
  return (
    <Dialog heading={heading} onClose={onClose}>
      {error && <ErrorBanner message={error.message} />}
      <ul className="material-review">
        {materials.map((m) => (
          <li key={m.id}>
            <strong>{m.title}</strong>{" "}
            <small>
              {t(`materials.categories.${m.category}`)} · {t(`materials.statuses.${m.status}`)}
            </small>
            {m.url &&
              (previewKind(m.mime) ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    markOpened(m);
                    setPreview(m);
                  }}
                >
                  {t("materials.preview", { name: m.fileName ?? "" })}
                </button>
              ) : (
                <a href={m.url} target="_blank" rel="noreferrer" onClick={() => markOpened(m)}>
                  {t("materials.openFile", { name: m.fileName ?? "" })}
                </a>
              ))}
            {m.status === "submitted" && (
              <div className="review-actions">
                {m.url && !opened.has(m.id) && (
                  <p className="form-note">{t("materials.openFirst")}</p>
                )}
                <button
                  type="button"
                  className="primary"
                  disabled={Boolean(m.url) && !opened.has(m.id)}
                  onClick={() => accept.mutate(m.id, { onSuccess: onClose })}
                >
                  {t("materials.accept")}
                </button>
                <input
                  aria-label={t("materials.returnReason")}
                  placeholder={t("materials.returnReason")}
                  value={reasons[m.id] ?? ""}
                  onChange={(e) => setReasons({ ...reasons, [m.id]: e.target.value })}
                />
                <button
                  type="button"
                  disabled={Boolean(m.url) && !opened.has(m.id)}
                  onClick={() =>
                    giveBack.mutate(
                      { id: m.id, reason: reasons[m.id] ?? "" },
                      { onSuccess: onClose },
                    )
                  }
                >
                  {t("materials.return")}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
