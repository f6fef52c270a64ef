// Reviewing one unit-week's materials: open each, accept it, or return it with a reason.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { tasksApi, useTaskMutation } from "../../api/tasks.ts";
import { Dialog } from "../../components/dialog.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";

interface Props {
  heading: string;
  materials: { id: number; title: string; category: string; status: string }[];
  onClose: () => void;
}

export function MaterialReview({ heading, materials, onClose }: Props) {
  const { t } = useTranslation();
  const accept = useTaskMutation(tasksApi.acceptMaterial);
  const giveBack = useTaskMutation(({ id, reason }: { id: number; reason: string }) =>
    tasksApi.returnMaterial(id, reason),
  );
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const error = accept.error ?? giveBack.error;
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
            {m.status === "submitted" && (
              <div className="review-actions">
                <button
                  type="button"
                  className="primary"
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
