// A person's notifications: what, about which item, when (China time), read or not, a link that
// opens it; mark one or all read. Used in the bell's panel and on the notifications page.
import "./notifications.css";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/auth.ts";
import { ErrorBanner } from "../components/error-banner.tsx";
import { Link } from "../components/link.tsx";
import { notificationQueries, useMarkRead } from "./api.ts";
import { notificationLink, notificationTime, notificationWords } from "./words.ts";

interface Props {
  me: Me;
  unreadOnly: boolean;
  onOpen?: () => void;
}

export function NotificationList({ me, unreadOnly, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const list = useQuery(notificationQueries.list(unreadOnly));
  const markRead = useMarkRead();
  if (list.error)
    return <ErrorBanner message={list.error.message} onRetry={() => void list.refetch()} />;
  if (!list.data) return <p>{t("app.loading")}</p>;
  const { items, unread } = list.data;
  return (
    <div className="notification-list">
      <div className="notification-list-head">
        <span>{t("notifications.unreadCount", { count: unread })}</span>
        <button
          type="button"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate("all")}
        >
          {t("notifications.markAllRead")}
        </button>
      </div>
      {markRead.error && <ErrorBanner message={markRead.error.message} />}
      {items.length === 0 && <p className="empty">{t("notifications.none")}</p>}
      <ul>
        {items.map((n) => {
          const link = notificationLink(n, me.user.role);
          const words = notificationWords(n, i18n.language);
          return (
            <li key={n.id} className={n.readAt ? "read" : "unread"}>
              <div className="notification-text">
                {link ? (
                  <Link
                    to={link}
                    onNavigate={() => {
                      if (!n.readAt) markRead.mutate([n.id]);
                      onOpen?.();
                    }}
                  >
                    {words}
                  </Link>
                ) : (
                  words
                )}
              </div>
              <div className="notification-meta">
                <time dateTime={n.createdAt}>{notificationTime(n)}</time>
                {n.readAt ? (
                  <span>{t("notifications.read")}</span>
                ) : (
                  <button type="button" className="link" onClick={() => markRead.mutate([n.id])}>
                    {t("notifications.markRead")}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
