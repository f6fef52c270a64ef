// A unit's inbox (本单位问题): its problems by urgency, overdue first, each with the steps the
// unit takes from a phone: start, submit with after-photos, send back, ask for more time.

import { openStatuses } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Me } from "../../api/auth.ts";
import { problemQueries } from "../../api/problems.ts";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { PageHead } from "../../components/page-head.tsx";
import { InboxCard } from "./inbox-card.tsx";

/** The API scopes the list to the unit; 200 covers a unit's open problems many times over. */
const inboxFilters = { sort: "urgency", limit: 200 } as const;

export function InboxPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const list = useQuery(problemQueries.list(inboxFilters));
  const problems = list.data?.features ?? [];
  const open = problems.filter((problem) => openStatuses.includes(problem.properties.status));
  const done = problems.filter((problem) => !openStatuses.includes(problem.properties.status));
  const late = open.filter((problem) => problem.properties.overdue).length;

  return (
    <div className="page inbox-page">
      <PageHead heading={t("rectification.inboxHeading")}>
        {list.data && (
          <span className={late ? "inbox-count late" : "inbox-count"}>
            {t("rectification.inboxCount", { open: open.length, late })}
          </span>
        )}
      </PageHead>
      <QueryErrorBanner query={list} />
      {list.isPending && <p className="muted">{t("app.loading")}</p>}
      {list.data && open.length === 0 && <p className="success">{t("rectification.inboxClear")}</p>}
      <ul className="inbox-list">
        {open.map((problem) => (
          <InboxCard key={problem.id} me={me} problem={problem.properties} />
        ))}
      </ul>
      {done.length > 0 && (
        <details className="inbox-done">
          <summary>{t("rectification.inboxDone", { count: done.length })}</summary>
          <ul className="inbox-list">
            {done.map((problem) => (
              <InboxCard key={problem.id} me={me} problem={problem.properties} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
