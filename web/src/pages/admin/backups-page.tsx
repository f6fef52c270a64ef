// 数据备份 (issue 21 item 6): the archives with their time (China time) and size, a button that
// takes one now (disabled while one is being written), and a download link for each.
import { chinaDateTime } from "@civgrid/geo";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { backupsApi, backupsQuery } from "../../api/backups.ts";
import { ErrorBanner, QueryErrorBanner } from "../../components/error-banner.tsx";
import { formatBytes } from "../materials/format-bytes.ts";

export function BackupsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery(backupsQuery());
  const create = useMutation({
    mutationFn: backupsApi.create,
    onSettled: () => client.invalidateQueries({ queryKey: backupsQuery().queryKey }),
  });
  const busy = create.isPending || Boolean(list.data?.running);
  return (
    <div className="page">
      <div className="form-card">
        <h2>{t("backups.heading")}</h2>
        <p className="form-note">
          {list.data?.schedule
            ? t("backups.schedule", { at: list.data.schedule, keep: list.data.keep })
            : t("backups.noSchedule", { keep: list.data?.keep ?? 14 })}
        </p>
        <p className="form-note">{t("backups.note")}</p>
        <QueryErrorBanner query={list} />
        {create.error && <ErrorBanner message={create.error.message} />}
        {create.isSuccess && (
          <p className="success" role="status">
            {t("backups.done", {
              name: create.data.name,
              size: formatBytes(create.data.size),
              files: create.data.fileCount,
            })}
          </p>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy}
          aria-busy={busy}
          onClick={() => create.mutate()}
        >
          {busy ? t("backups.running") : t("backups.create")}
        </button>
        {list.data &&
          (list.data.items.length === 0 ? (
            <p>{t("backups.empty")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t("backups.time")}</th>
                  <th>{t("backups.size")}</th>
                  <th>{t("backups.files")}</th>
                  <th>{t("backups.engine")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((b) => (
                  <tr key={b.name}>
                    <td>{chinaDateTime(b.createdAt)}</td>
                    <td>{formatBytes(b.size)}</td>
                    <td>{b.fileCount}</td>
                    <td>{t(`backups.engines.${b.engine}`)}</td>
                    <td>
                      <a href={backupsApi.href(b.name)} download={b.name}>
                        {t("backups.download")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {!list.data && !list.error && <p>{t("app.loading")}</p>}
      </div>
    </div>
  );
}
