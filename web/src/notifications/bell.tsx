// The bell in the header: the unread count, live from the stream; opens the list in a panel.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import "./notifications.css";
import { useTranslation } from "react-i18next";
import type { Me } from "../api/auth.ts";
import { Link } from "../components/link.tsx";
import { notificationQueries } from "./api.ts";
import { useLiveStream } from "./live.ts";

// The list loads when the bell is opened: every signed-in page carries the bell (issue 22).
const NotificationList = lazy(() =>
  import("./notification-list.tsx").then((m) => ({ default: m.NotificationList })),
);

export function NotificationBell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const live = useLiveStream();
  const list = useQuery(notificationQueries.list(true));
  // The stream refetches the list on news; its count stands in until the list first arrives.
  const unread = list.data?.unread ?? live ?? 0;
  return (
    <div className="notification-bell">
      <button
        type="button"
        className="bell"
        aria-expanded={open}
        aria-label={t("notifications.bell", { count: unread })}
        onClick={() => setOpen(!open)}
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="bell-count">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div className="notification-panel" role="dialog" aria-label={t("notifications.title")}>
          <Suspense fallback={<p className="muted">{t("app.loading")}</p>}>
            <NotificationList me={me} unreadOnly={false} onOpen={() => setOpen(false)} />
          </Suspense>
          <Link to="/notifications" onNavigate={() => setOpen(false)}>
            {t("notifications.allAndSettings")}
          </Link>
        </div>
      )}
    </div>
  );
}
