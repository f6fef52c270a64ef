// The panel every editing mode shows (draw/edit, split, merge, partition): its heading, the mode's
// own fields, the action that does it and a cancel back to viewing, and the mode's confirmation
// (if it has one) over it.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DetailPanel } from "../../../components/detail-panel.tsx";
import { useGridEditor } from "../../../state/grid-editor.ts";

interface Props {
  heading: string;
  children: ReactNode;
  /** The mode's main button. */
  action: { label: string; disabled: boolean; onClick: () => void };
  /** Buttons between the action and cancel (e.g. redraw the line). */
  more?: ReactNode;
  /** Shown over the panel: the restructuring dialog that confirms the action. */
  confirm?: ReactNode;
}

export function EditorPanel({ heading, children, action, more, confirm }: Props) {
  const { t } = useTranslation();
  const { setMode } = useGridEditor.getState();
  return (
    <DetailPanel heading={heading} onClose={() => setMode("view")}>
      <div className="editor-form">
        {children}
        <div className="form-buttons">
          <button
            type="button"
            className="primary"
            disabled={action.disabled}
            onClick={action.onClick}
          >
            {action.label}
          </button>
          {more}
          <button type="button" onClick={() => setMode("view")}>
            {t("editor.cancel")}
          </button>
        </div>
      </div>
      {confirm}
    </DetailPanel>
  );
}
