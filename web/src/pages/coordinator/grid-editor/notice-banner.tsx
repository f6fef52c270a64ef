// The outcome of the last write: done, or refused in the API's words.
import { useTranslation } from "react-i18next";
import { useGridEditor } from "../../../state/grid-editor.ts";

export function NoticeBanner() {
  const { t } = useTranslation();
  const notice = useGridEditor((state) => state.notice);
  const notify = useGridEditor((state) => state.notify);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.tone}`}
      role={notice.tone === "error" ? "alert" : "status"}
    >
      <span>{notice.text}</span>
      <button
        type="button"
        className="close"
        aria-label={t("panel.close")}
        onClick={() => notify(null)}
      >
        ×
      </button>
    </div>
  );
}
