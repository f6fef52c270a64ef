// Accounts (admins): the list with role filter, search and paging; create, edit, reset, import.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../api/auth.ts";
import { type User, usersApi, usersQuery } from "../../api/users.ts";
import { Dialog } from "../../components/dialog.tsx";
import { DownloadLink } from "../../components/download-link.tsx";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { Pager } from "../../components/pager.tsx";
import { RoleSelect } from "../../components/role-select.tsx";
import { SuccessNote } from "../../components/submit-buttons.tsx";
import { useDebounced } from "../../use-debounced.ts";
import { PasswordResetForm } from "./password-reset-form.tsx";
import { UserForm } from "./user-form.tsx";
import { UserImport } from "./user-import.tsx";
import { UsersTable } from "./users-table.tsx";

const pageSize = 20;

/** Which dialog is open, with the account it is about. */
type Dialogs =
  | { kind: "create" }
  | { kind: "import" }
  | { kind: "edit"; user: User }
  | { kind: "reset"; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role | "">("");
  const [search, setSearch] = useState("");
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<Dialogs | null>(null);
  const [resetDone, setResetDone] = useState<string | null>(null); // whose password was reset
  const q = useDebounced(search.trim(), 300);
  const users = useQuery(usersQuery({ role: role || undefined, q, limit: pageSize, offset }));
  const close = () => setDialog(null);
  const open = (next: Dialogs) => {
    setResetDone(null); // the last reset's note is old news once the admin moves on
    setDialog(next);
  };

  return (
    <div className="page">
      <PageHead heading={t("users.heading")}>
        <button type="button" className="primary" onClick={() => open({ kind: "create" })}>
          {t("users.create")}
        </button>
        <button type="button" onClick={() => open({ kind: "import" })}>
          {t("users.import")}
        </button>
        <DownloadLink href={usersApi.xlsxUrl}>{t("users.export")}</DownloadLink>
      </PageHead>
      <div className="filters">
        <RoleSelect
          aria-label={t("users.role")}
          allLabel={t("users.allRoles")}
          value={role}
          onChange={(event) => {
            setRole(event.target.value as Role | "");
            setOffset(0);
          }}
        />
        <input
          type="search"
          aria-label={t("users.search")}
          placeholder={t("users.search")}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setOffset(0);
          }}
        />
      </div>
      {resetDone && <SuccessNote>{t("users.resetDone", { name: resetDone })}</SuccessNote>}
      <QueryErrorBanner query={users} />
      <UsersTable
        users={users.data?.users ?? []}
        loading={users.isPending}
        onEdit={(user) => open({ kind: "edit", user })}
        onReset={(user) => open({ kind: "reset", user })}
      />
      <Pager offset={offset} limit={pageSize} total={users.data?.total ?? 0} onChange={setOffset} />
      {dialog?.kind === "create" && (
        <Dialog heading={t("users.create")} onClose={close}>
          <UserForm onDone={close} />
        </Dialog>
      )}
      {dialog?.kind === "edit" && (
        <Dialog heading={t("users.editHeading", { name: dialog.user.username })} onClose={close}>
          <UserForm user={dialog.user} onDone={close} />
        </Dialog>
      )}
      {dialog?.kind === "reset" && (
        <Dialog heading={t("users.resetHeading", { name: dialog.user.username })} onClose={close}>
          <PasswordResetForm
            user={dialog.user}
            onCancel={close}
            onDone={() => {
              setResetDone(dialog.user.username);
              close();
            }}
          />
        </Dialog>
      )}
      {dialog?.kind === "import" && (
        <Dialog heading={t("users.import")} onClose={close}>
          <UserImport />
        </Dialog>
      )}
    </div>
  );
}
