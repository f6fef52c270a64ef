// Importing accounts from an .xlsx sheet: all rows or none; each refused row is listed.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrors } from "../../api/client.ts";
import { useAccountsMutation, usersApi } from "../../api/users.ts";
import { ErrorBanner } from "../../components/error-banner.tsx";

/** The sheet's header row, in the order the API reads it. */
const columns = ["用户名", "姓名", "手机号", "角色", "单位", "初始密码"];

/** "row 12" sorts after "row 3"; "file" (the sheet as a whole) comes first. The messages name
 * their row and column themselves, so only they are shown. */
const rowNumber = (key: string) => Number(/^row (\d+)$/.exec(key)?.[1] ?? 0);

export function UserImport() {
  const { t } = useTranslation();
  const upload = useAccountsMutation(usersApi.import);
  const problems = Object.entries(fieldErrors(upload.error)).sort(
    ([a], [b]) => rowNumber(a) - rowNumber(b),
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    // An empty pick is sent as is: the API names the problem in the user's language.
    upload.mutate(file instanceof File ? file : new File([], ""));
  };

  return (
    <form className="dialog-form" onSubmit={onSubmit}>
      <p className="form-note">{t("import.intro")}</p>
      <p className="import-columns">
        {columns.map((column) => (
          <code key={column}>{column}</code>
        ))}
      </p>
      <ul className="form-note">
        {(t("import.rules", { returnObjects: true }) as string[]).map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <input type="file" name="file" accept=".xlsx" aria-label={t("import.pick")} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={upload.isPending}>
          {upload.isPending ? t("import.uploading") : t("import.submit")}
        </button>
      </div>
      {upload.isSuccess && (
        <p className="success" role="status">
          {t("import.done", { count: upload.data.created })}
          {upload.data.unchanged > 0 && t("import.unchanged", { count: upload.data.unchanged })}
        </p>
      )}
      {upload.error && <ErrorBanner message={upload.error.message} />}
      {problems.length > 0 && (
        <ul className="import-problems">
          {problems.map(([key, message]) => (
            <li key={key}>{message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
