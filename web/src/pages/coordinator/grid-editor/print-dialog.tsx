// The printed grid division map: a preview of the sheet, saved as PNG or PDF.
import { useTranslation } from "react-i18next";
import type { GridFeature } from "../../../api/grids.ts";
import { Dialog } from "../../../components/dialog.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { pdfOf, pngOf, saveFile } from "../../../map/print/print-files.ts";
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
  return (
    <Dialog heading={t("print.heading")} onClose={onClose}>
      <div className="dialog-form print-dialog">
        {state === null && <p className="muted">{t("print.drawing")}</p>}
        {state && "error" in state && (
          <ErrorBanner message={t("print.failed", { message: state.error.message })} />
        )}
        {state && "sheet" in state && (
          <>
            <img
              className="print-preview"
              src={state.sheet.toDataURL("image/png")}
              alt={state.title}
            />
            <div className="form-buttons">
              <button
                type="button"
                className="primary"
                onClick={async () => saveFile(await pngOf(state.sheet), `${state.title}.png`)}
              >
                {t("print.png")}
              </button>
              <button
                type="button"
                className="primary"
                onClick={async () => saveFile(await pdfOf(state.sheet), `${state.title}.pdf`)}
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
