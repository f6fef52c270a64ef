// The printed grid division map: a preview of the sheet, saved as PNG or PDF (with a text layer).
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { GridFeature } from "../../../api/grids.ts";
import { Dialog } from "../../../components/dialog.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { pdfOf, pngOf } from "../../../map/print/print-files.ts";
import { flatten } from "../../../map/print/sheet-text.ts";
import { useSaving } from "../../../map/print/use-saving.ts";
import { saveFile } from "../../../save-file.ts";
import type { Community } from "./mode-panel.tsx";
import { usePrintSheet } from "./use-print-sheet.ts";

interface Props {
  community: Community;
  grids: GridFeature[];
  onClose: () => void;
}

export function PrintDialog({ community, grids, onClose }: Props) {
  const { t } = useTranslation();
  const state = usePrintSheet(community, grids);
  const saving = useSaving();
  const preview = useMemo(
    () => (state && "sheet" in state ? flatten(state.sheet).toDataURL("image/png") : null),
    [state],
  );
  return (
    <Dialog heading={t("print.heading")} onClose={onClose}>
      <div className="dialog-form print-dialog">
        {state === null && <p className="muted">{t("print.drawing")}</p>}
        {state && "error" in state && (
          <ErrorBanner message={t("print.failed", { message: state.error.message })} />
        )}
        {state && "sheet" in state && preview && (
          <>
            <img className="print-preview" src={preview} alt={state.title} />
            {saving.failed && (
              <ErrorBanner message={t("print.saveFailed", { message: saving.failed })} />
            )}
            <div className="form-buttons">
              {saving.busy && <span className="muted">{t("print.saving")}</span>}
              <button
                type="button"
                className="primary"
                disabled={saving.busy}
                onClick={() =>
                  saving.run(async () => saveFile(await pngOf(state.sheet), `${state.title}.png`))
                }
              >
                {t("print.png")}
              </button>
              <button
                type="button"
                className="primary"
                disabled={saving.busy}
                onClick={() =>
                  saving.run(async () =>
                    saveFile(await pdfOf(state.sheet, state.title), `${state.title}.pdf`),
                  )
                }
              >
                {t("print.pdf")}
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
