// The one path every grid change takes: send it, then re-read what it changed, tell the user,
// and on a refusal show the API's problems on the map (or reload a grid someone else changed).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ApiError, errorProblems } from "../../../api/client.ts";
import { joinSentences } from "../../../format.ts";
import { useGridEditor } from "../../../state/grid-editor.ts";

interface Options<V, R> {
  /** What to tell the user once it is done, e.g. "网格已保存". */
  success: (result: R, variables: V) => string;
  /** What the editor does next (pick the new grid, go back to view mode…). */
  next?: (result: R, variables: V) => void;
}

export function useGridWrite<V, R>(write: (variables: V) => Promise<R>, options: Options<V, R>) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const reread = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ["grids"] }),
      client.invalidateQueries({ queryKey: ["communities"] }),
      // which hospitals lead a grid (their colours, the legend) may have changed
      client.invalidateQueries({ queryKey: ["units"] }),
      // a change of the layout is a restructuring; an edit may make one no longer undoable
      client.invalidateQueries({ queryKey: ["restructurings"] }),
    ]);
  return useMutation({
    mutationFn: write,
    onMutate: () => useGridEditor.getState().notify(null),
    onSuccess: async (result, variables) => {
      // Move on first (e.g. unselect a deleted grid), so nothing re-reads what is gone.
      options.next?.(result, variables);
      await reread();
      useGridEditor
        .getState()
        .notify({ tone: "success", text: options.success(result, variables) });
    },
    onError: async (error) => {
      const { notify, setServerProblems, setMode } = useGridEditor.getState();
      setServerProblems(errorProblems(error));
      if (error instanceof ApiError && error.code === "version_conflict") {
        // Someone else saved first: show the grid as it is now, and let the user start again.
        await reread();
        setMode("view");
        notify({
          tone: "error",
          text: joinSentences(i18n.language, error.message, t("editor.reloaded")),
        });
        return;
      }
      notify({ tone: "error", text: error.message });
    },
  });
}
