// Asks before a change that is hard to undo (delete, merge, replace all grids, revert).
import { useTranslation } from "react-i18next";
import { Dialog } from "./dialog.tsx";

interface Props {
  heading: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  heading,
  message,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  return (
    <Dialog heading={heading} onClose={onCancel}>
      <div className="dialog-form">
        <p className="form-note">{message}</p>
        <div className="form-buttons">
          <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onCancel}>
            {t("editor.cancel")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
