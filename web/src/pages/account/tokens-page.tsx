// A user's personal access tokens: create one for QGIS or GDAL (shown once), see when each was used, revoke.
import { useQuery } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { tokensQuery, useCreateToken, useRevokeToken } from "../../api/tokens.ts";
import { DataTable } from "../../components/data-table.tsx";
import { ErrorBanner } from "../../components/error-banner.tsx";
import { ApiForm, InputField } from "../../components/form-field.tsx";
import { SubmitButton } from "../../components/submit-buttons.tsx";
import { formValues } from "../../form-values.ts";

/** The table's column heads (keys under tokens.). */
const tokenColumns = ["name", "createdAt", "expiresAt", "lastUsedAt"] as const;

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function TokensPage() {
  const { t } = useTranslation();
  const tokens = useQuery(tokensQuery);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const ogcUrl = `${window.location.origin}/ogc`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { name = "", expiresOn = "" } = formValues(form);
    create.mutate(expiresOn ? { name, expiresOn } : { name }, { onSuccess: () => form.reset() });
  };

  return (
    <div className="page">
      <ApiForm className="form-card" onSubmit={onSubmit} error={create.error}>
        <h2>{t("tokens.heading")}</h2>
        <p className="form-note">{t("tokens.note", { url: ogcUrl })}</p>
        {create.error && <ErrorBanner message={create.error.message} />}
        {create.data && (
          <div className="success" role="status">
            <p>{t("tokens.created")}</p>
            <code className="token-once">{create.data.token}</code>
          </div>
        )}
        <InputField label={t("tokens.name")} name="name" maxLength={60} placeholder="QGIS" />
        <InputField
          label={t("tokens.expiresOn")}
          hint={t("tokens.expiryHint")}
          name="expiresOn"
          type="date"
        />
        <SubmitButton disabled={create.isPending}>{t("tokens.create")}</SubmitButton>
      </ApiForm>
      {revoke.error && <ErrorBanner message={revoke.error.message} />}
      <div className="table-scroll tokens-table">
        <DataTable headings={[...tokenColumns.map((key) => t(`tokens.${key}`)), ""]}>
          {tokens.data?.tokens.length === 0 && (
            <tr>
              <td colSpan={5}>{t("tokens.none")}</td>
            </tr>
          )}
          {tokens.data?.tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? "muted" : undefined}>
              <td>{token.name}</td>
              <td>{day(token.createdAt)}</td>
              <td>{token.expiresAt ? day(token.expiresAt) : t("tokens.never")}</td>
              <td>{day(token.lastUsedAt)}</td>
              <td>
                {token.revokedAt ? (
                  t("tokens.revokedOn", { date: day(token.revokedAt) })
                ) : (
                  <button
                    type="button"
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (window.confirm(t("tokens.confirmRevoke", { name: token.name })))
                        revoke.mutate(token.id);
                    }}
                  >
                    {t("tokens.revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </div>
  );
}
