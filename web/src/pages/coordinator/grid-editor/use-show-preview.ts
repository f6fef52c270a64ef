// Lets a panel put its preview (partition parts, an imported file, an old version) on the map
// for as long as it shows it.
import { useEffect } from "react";
import { type Preview, useGridEditor } from "../../../state/grid-editor.ts";

export function useShowPreview(preview: Preview | null) {
  useEffect(() => {
    const { setPreview } = useGridEditor.getState();
    setPreview(preview);
    return () => setPreview(null);
  }, [preview]);
}
