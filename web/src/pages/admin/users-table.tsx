// The accounts table: one row per account with its status and what an admin can do to it.
import { useTranslation } from "react-i18next";
import type { User } from "../../api/users.ts";
import { DataTable } from "../../components/data-table.tsx";
import { UserRow } from "./user-row.tsx";

/** The table's column heads (keys under users.). */
const userColumns = [
  "username",
  "displayName",
  "role",
  "unitOrPerson",
  "mobile",
  "status",
  "createdAt",
  "actions",
] as const;

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
      <DataTable
        headings={userColumns.map((key) => t(`users.${key}`))}
        empty={{ rows: users.length, columns: userColumns.length, loading, none: t("users.none") }}
      >
        {users.map((user) => (
          <UserRow key={user.id} user={user} onEdit={onEdit} onReset={onReset} />
        ))}
      </DataTable>
    </div>
  );
}
