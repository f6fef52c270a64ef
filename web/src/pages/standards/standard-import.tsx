// Importing a standard from an .xlsx sheet as a new draft: all rows or none; each refused row is
// listed. A sheet exported here imports back as it is.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { standardsApi, useStandardsMutation } from "../../api/standards.ts";
import { ApiForm, FormField, InputField } from "../../components/form-field.tsx";
import {
  ImportColumns,
  ImportRefusal,
  ImportRules,
  pickedSheet,
} from "../../components/sheet-import.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";
import { navigate } from "../../router.ts";
import { ScopeSelect } from "./standard-labels.tsx";

/** The sheet's header row, as the API reads it (and exports it). */
const columns = [
  "类别序号",
  "类别",
  "条目编号",
  "条目",
  "检查要点",
  "分值",
  "佐证材料",
  "查重半径（米）",
];

/** The sheet's own refusals; the name, year and scope are refused at their fields. */
const ofSheet = (key: string) => key === "file" || key.startsWith("row ");

export function StandardImport() {
  const { t } = useTranslation();
  const [scope, setScope] = useState("hospital");
  const upload = useStandardsMutation(standardsApi.import);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    upload.mutate(
      {
        file: pickedSheet(form),
        name: text("name"),
        year: text("year"),
        scope,
      },
      { onSuccess: (draft) => navigate(`/standards/${draft.id}`) },
    );
  };

  return (
    <ApiForm className="dialog-form" onSubmit={onSubmit} error={upload.error}>
      <p className="form-note">{t("import.intro")}</p>
      <ImportColumns columns={columns} />
      <ImportRules rulesKey="standards.importRules" />
      <InputField label={t("standards.name")} name="name" />
      <div className="import-fields">
        <InputField
          label={t("standards.year")}
          name="year"
          inputMode="numeric"
          defaultValue={new Date().getFullYear()}
        />
        <FormField label={t("standards.scope")} name="scope">
          {(link) => (
            <ScopeSelect {...link} value={scope} onChange={(e) => setScope(e.target.value)} />
          )}
        </FormField>
      </div>
      <InputField
        label={t("import.pick")}
        error={undefined}
        type="file"
        name="file"
        accept=".xlsx"
      />
      <div className="form-buttons">
        <SubmitButton disabled={upload.isPending}>
          {upload.isPending ? t("import.uploading") : t("import.submit")}
        </SubmitButton>
      </div>
      <ImportRefusal error={upload.error} listed={ofSheet} />
    </ApiForm>
  );
}
