// The frame of the side panel (a bottom sheet on phones): heading, close button, content.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  heading: string;
  onClose: () => void;
  children: ReactNode;
}

export function DetailPanel({ heading, onClose, children }: Props) {
  const { t } = useTranslation();
  return (
    <aside className="detail-panel" aria-label={heading}>
      <header>
        <h2>{heading}</h2>
        <button type="button" className="close" onClick={onClose} aria-label={t("panel.close")}>
          ×
        </button>
      </header>
      <div className="detail-body">{children}</div>
    </aside>
  );
}
