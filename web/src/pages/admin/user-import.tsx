// Importing accounts from an .xlsx sheet: all rows or none; each refused row is listed.
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAccountsMutation, usersApi } from "../../api/users.ts";
import {
  ImportColumns,
  ImportRefusal,
  ImportRules,
  pickedSheet,
} from "../../components/sheet-import.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";

/** The sheet's header row, in the order the API reads it. */
const columns = ["用户名", "姓名", "手机号", "角色", "单位", "初始密码"];

export function UserImport() {
  const { t } = useTranslation();
  const upload = useAccountsMutation(usersApi.import);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    upload.mutate(pickedSheet(new FormData(event.currentTarget)));
  };

  return (
    <form className="dialog-form" onSubmit={onSubmit}>
      <p className="form-note">{t("import.intro")}</p>
      <ImportColumns columns={columns} />
      <ImportRules rulesKey="import.rules" />
      <input type="file" name="file" accept=".xlsx" aria-label={t("import.pick")} />
      <div className="form-buttons">
        <SubmitButton disabled={upload.isPending}>
          {upload.isPending ? t("import.uploading") : t("import.submit")}
        </SubmitButton>
      </div>
      {upload.isSuccess && (
        <p className="success" role="status">
          {t("import.done", { count: upload.data.created })}
          {upload.data.unchanged > 0 && t("import.unchanged", { count: upload.data.unchanged })}
        </p>
      )}
      <ImportRefusal error={upload.error} />
    </form>
  );
}
