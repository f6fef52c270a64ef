// Before a partition, split, merge or delete: what it does to the work under way, by old grid
// (open problems, tasks, dedication days, volunteers, units), and which grid takes each one's team
// and work — the proposal, which the coordinator may change — then apply.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../../api/client.ts";
import { type CarryOver, type Operation, restructuringsApi } from "../../../api/restructurings.ts";
import { Dialog } from "../../../components/dialog.tsx";
import { ErrorBanner } from "../../../components/error-banner.tsx";

interface Props {
  communityId: number;
  operation: Operation;
  heading: string;
  /** What is about to happen, in a sentence (e.g. "删除网格 … 吗？"). */
  message?: string;
  confirmLabel: string;
  /** The change itself (a useGridWrite), sent with the chosen carry-over once confirmed. */
  write: { isPending: boolean; mutate: (carryOver: CarryOver) => void };
  /** Closes the dialog, on cancel and when the change is sent. */
  onClose: () => void;
}

const counts = ["openProblems", "tasks", "dedicationDays", "volunteers", "units"] as const;

export function RestructuringDialog(props: Props) {
  const { t } = useTranslation();
  const { communityId, operation } = props;
  const [choice, setChoice] = useState<CarryOver>({});
  // A changed choice is previewed again: where each problem goes depends on it.
  const impact = useQuery({
    queryKey: ["restructuring-preview", communityId, operation, choice],
    queryFn: () => restructuringsApi.preview(communityId, operation, choice),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 0,
  });
  const rows = impact.data?.grids ?? [];
  return (
    <Dialog heading={props.heading} onClose={props.onClose}>
      <div className="dialog-form restructuring-impact" data-testid="restructuring-impact">
        {props.message && <p>{props.message}</p>}
        <p className="form-note">{t("restructuring.intro")}</p>
        {impact.error && <ErrorBanner message={errorText(impact.error)} />}
        {impact.isPending && <p className="muted">{t("panel.loading")}</p>}
        {rows.length > 0 && (
          <div className="table-scroll">
            <table className="impact-table">
              <thead>
                <tr>
                  <th>{t("restructuring.oldGrid")}</th>
                  {counts.map((c) => (
                    <th key={c}>{t(`restructuring.${c}`)}</th>
                  ))}
                  <th>{t("restructuring.to")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.gridId}>
                    <td>
                      <span className="code">{row.code}</span> {row.name}
                    </td>
                    {counts.map((c) => (
                      <td key={c} className="number">
                        {row[c]}
                      </td>
                    ))}
                    <td>
                      <select
                        aria-label={t("restructuring.toFor", { code: row.code })}
                        value={choice[row.gridId] ?? row.to ?? ""}
                        onChange={(event) =>
                          setChoice({ ...choice, [row.gridId]: event.target.value })
                        }
                      >
                        {row.options.map((option) => (
                          <option key={option.code} value={option.code}>
                            {t("restructuring.option", {
                              code: option.code,
                              share: option.sharePercent,
                            })}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {impact.data && impact.data.problems.length > 0 && (
          <ul className="plain rerouted">
            {impact.data.problems.map((p) => (
              <li key={p.id}>
                {t("restructuring.problemMoves", {
                  id: p.id,
                  from: p.from ?? "—",
                  to: p.to ?? "—",
                  unit: p.unit ?? t("restructuring.noUnit"),
                })}
              </li>
            ))}
          </ul>
        )}
        {impact.data && <p className="form-note">{t("restructuring.undoNote")}</p>}
        <div className="form-buttons">
          <button
            type="button"
            className="primary"
            disabled={props.write.isPending || !impact.data || impact.isFetching}
            onClick={() => {
              props.onClose();
              props.write.mutate(choice);
            }}
          >
            {props.confirmLabel}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("editor.cancel")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
