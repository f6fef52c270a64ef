// One account in the table; disabling or enabling it happens right here.
import { useTranslation } from "react-i18next";
import { errorText } from "../../api/client.ts";
import { type User, useAccountsMutation, usersApi } from "../../api/users.ts";
import { formatDateTime } from "../../format.ts";

interface Props {
  user: User;
  onEdit: (user: User) => void;
  onReset: (user: User) => void;
}

export function UserRow({ user, onEdit, onReset }: Props) {
  const { t, i18n } = useTranslation();
  const toggle = useAccountsMutation(() => usersApi.update(user.id, { disabled: !user.disabled }));
  const reference = [user.unitName, user.personName].filter(Boolean).join(" · ");
  return (
    <>
      <tr className={user.disabled ? "disabled" : undefined}>
        <td>{user.username}</td>
        <td>{user.displayName}</td>
        <td>{t(`role.${user.role}`)}</td>
        <td>{reference || "—"}</td>
        <td>{user.mobile ?? "—"}</td>
        <td>
          <span className={user.disabled ? "tag off" : "tag on"}>
            {user.disabled ? t("users.disabled") : t("users.enabled")}
          </span>
          {user.mustChangePassword && <span className="tag">{t("users.mustChange")}</span>}
        </td>
        <td>{formatDateTime(user.createdAt, i18n.language)}</td>
        <td>
          <div className="row-actions">
            <button type="button" onClick={() => onEdit(user)}>
              {t("users.edit")}
            </button>
            <button type="button" onClick={() => onReset(user)}>
              {t("users.reset")}
            </button>
            <button
              type="button"
              disabled={toggle.isPending}
              onClick={() => toggle.mutate(undefined)}
            >
              {user.disabled ? t("users.enable") : t("users.disable")}
            </button>
          </div>
        </td>
      </tr>
      {toggle.error && (
        <tr className="row-error">
          <td colSpan={8} role="alert">
            <div>{errorText(toggle.error)}</div>
          </td>
        </tr>
      )}
    </>
  );
}
