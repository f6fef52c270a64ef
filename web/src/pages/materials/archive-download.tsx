// The assessors' archive (迎检资料) download: the ZIP is streamed, so its size is not known ahead;
// the bytes received so far are shown as they arrive.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadArchive, materialCategories } from "../../api/tasks.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { Options } from "../../components/options.tsx";
import { formatBytes } from "./format-bytes.ts";

export function ArchiveDownload({ campaignId }: { campaignId: number | undefined }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState("");
  const [received, setReceived] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    setDone(null);
    setReceived(0);
    try {
      const result = await downloadArchive(
        { ...(campaignId && { campaignId }), ...(category && { category }) },
        setReceived,
      );
      setDone(t("materials.archiveDone", { name: result.name, size: formatBytes(result.bytes) }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setReceived(null);
    }
  };
  return (
    <div className="archive-download">
      <select
        aria-label={t("materials.category")}
        value={category}
        onChange={(e) => setCategory(e.target.value)}
      >
        <option value="">{t("materials.allCategories")}</option>
        <Options items={materialCategories} label={(c) => t(`materials.categories.${c}`)} />
      </select>
      <button type="button" className="primary" disabled={received !== null} onClick={start}>
        {t("materials.archive")}
      </button>
      {received !== null && (
        <output className="archive-progress" aria-live="polite">
          {t("materials.archiveProgress", { size: formatBytes(received) })}
        </output>
      )}
      {done && <output className="archive-done">{done}</output>}
      {error && <ErrorBanner message={error} />}
    </div>
  );
}
