// The accounts table: one row per account with its status and what an admin can do to it.
import { useTranslation } from "react-i18next";
import type { User } from "../../api/users.ts";
import { EmptyRow } from "../components/empty-row.tsx";
import { UserRow } from "./user-row.tsx";

interface Props {
  users: User[];
  loading: boolean;
  onEdit: (user: User) => void;
  onReset: (user: User) => void;
}

export function UsersTable({ users, loading, onEdit, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th>{t("users.username")}</th>
            <th>{t("users.displayName")}</th>
            <th>{t("users.role")}</th>
            <th>{t("users.unitOrPerson")}</th>
            <th>{t("users.mobile")}</th>
            <th>{t("users.status")}</th>
            <th>{t("users.createdAt")}</th>
            <th>{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onEdit={onEdit} onReset={onReset} />
          ))}
          <EmptyRow rows={users.length} columns={8} loading={loading} none={t("users.none")} />
        </tbody>
      </table>
    </div>
  );
}
