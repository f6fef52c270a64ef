// The volunteer's phone page (我的网格): my grids on the map with who to call, patrols, reports that
// survive a bad network, dedication days and my hours.
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../api/use-session.ts";
import { type Patrol, type TrackPoint, volunteerQueries } from "../../api/volunteers.ts";
import { AfterFirstView } from "../../components/after-first-view.tsx";
import { QueryErrorBanner } from "../../components/error-banner.tsx";
import { PageErrorBoundary } from "../../components/page-error-boundary.tsx";
import { SuccessNote } from "../../components/submit-buttons.tsx";
import type { BasemapCrs } from "../../map/basemap-crs.ts";
import { AreaContacts } from "./area-contacts.tsx";
import { AreaMapSlot } from "./area-map-slot.tsx";
import { AreaSavedAt } from "./area-saved-at.tsx";
import { MyReportsPanel } from "./my-reports-panel.tsx";
import { PatrolPanel } from "./patrol-panel.tsx";
import { PendingReports } from "./pending-reports.tsx";
import { emptyReport } from "./report-draft.ts";
import { usePatrol } from "./use-patrol.ts";
import { usePosition } from "./use-position.ts";
import { useReportQueue } from "./use-report-queue.ts";
import { useStoredDraft } from "./use-stored-draft.ts";

// The other tabs' panels load when opened: the first view is the area's list (issue 22). The report
// form is fetched as soon as that view is drawn, though: it is what a volunteer needs most with no
// network, and a phone that drops off right after opening the page (the service worker may still
// be storing the app) must still be able to write a report.
const loadReportPanel = () => import("./report-panel.tsx");
const ReportPanel = lazy(() => loadReportPanel().then((m) => ({ default: m.ReportPanel })));

/** Fetches the report form's chunk once drawn (a failure is tried again when the tab opens). */
function FetchReportPanel() {
  useEffect(() => void loadReportPanel().catch(() => {}), []);
  return null;
}
const DedicationDaysPanel = lazy(() =>
  import("./dedication-days-panel.tsx").then((m) => ({ default: m.DedicationDaysPanel })),
);
const MyHoursPanel = lazy(() =>
  import("./my-hours-panel.tsx").then((m) => ({ default: m.MyHoursPanel })),
);

/** A read has answered, failed, or waits for a network the phone does not have. */
const settled = (query: UseQueryResult) => !query.isPending || query.isPaused;

const tabs = ["area", "report", "days", "hours"] as const;
// the same empty lists at every render, so the map is not given new data it already has
const noPatrols: Patrol[] = [];
const noTrack: TrackPoint[] = [];
type Tab = (typeof tabs)[number];

interface Props {
  basemapUrl: string | null | undefined;
  basemapCrs: BasemapCrs;
}

export function MyAreaPage({ basemapUrl, basemapCrs }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>("area");
  const session = useSession();
  const area = useQuery(volunteerQueries.myArea());
  const patrols = useQuery(volunteerQueries.patrols());
  // 我的上报's list (MyReportsPanel's read, here only to know when it has come)
  const myReports = useQuery(volunteerQueries.myReports());
  const { fix, problem } = usePosition();
  const patrol = usePatrol(fix);
  const outbox = useReportQueue();
  // kept in the tab's session storage: a reload (重新加载 after an error) keeps the words written
  const [draft, setDraft] = useStoredDraft();
  const [queuedNote, setQueuedNote] = useState(false);
  const onReportPlace = useCallback(
    (place: [number, number]) => setDraft((d) => ({ ...d, place, accuracyM: null })),
    [setDraft],
  );

  const open = (next: Tab) => {
    setTab(next);
    setQueuedNote(false);
    if (next !== "report") return;
    // A new report starts where the volunteer stands, with the fix's accuracy; the map comes
    // into view so the marker can be dragged.
    if (!draft.place && fix)
      setDraft({ ...draft, place: [fix.lon, fix.lat], accuracyM: fix.accuracyM });
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="page my-area-page">
      <AfterFirstView>
        <FetchReportPanel />
      </AfterFirstView>
      <p className={problem ? "field-error position-note" : "muted position-note"} role="status">
        {problem
          ? t(problem)
          : fix
            ? t("volunteer.position", { metres: fix.accuracyM })
            : t("volunteer.locating")}
      </p>
      <AreaSavedAt updatedAt={area.dataUpdatedAt} />
      <nav className="volunteer-tabs" aria-label={t("volunteer.tabs")}>
        {tabs.map((name) => (
          <button key={name} type="button" aria-pressed={tab === name} onClick={() => open(name)}>
            {t(`volunteer.tab.${name}`)}
          </button>
        ))}
      </nav>
      <PendingReports
        queued={outbox.queued}
        sending={outbox.sending}
        onSend={() => void outbox.flush()}
        onDiscard={(key) => void outbox.discard(key)}
      />
      {queuedNote && (
        <SuccessNote>
          {t(navigator.onLine ? "volunteer.report.sending" : "volunteer.report.queued")}
        </SuccessNote>
      )}
      <QueryErrorBanner query={area} />
      {tab === "area" && (
        <>
          <PatrolPanel
            running={patrol.patrol}
            interrupted={patrol.interrupted}
            onResume={patrol.resume}
            onEnd={() => void patrol.end()}
            busy={patrol.busy}
            error={patrol.error}
            canStart={fix !== null}
            onStart={() => void patrol.start()}
            onStop={() => void patrol.stop()}
            week={patrols.data?.features ?? []}
          />
          <MyReportsPanel />
          {area.data && <AreaContacts area={area.data} />}
        </>
      )}
      <PageErrorBoundary part resetKeys={[tab]}>
        <Suspense fallback={null}>
          {tab === "report" && (
            <ReportPanel
              draft={draft}
              onDraft={setDraft}
              fix={fix}
              onQueue={outbox.enqueue}
              onDone={() => {
                setDraft(emptyReport);
                setTab("area");
                setQueuedNote(true);
              }}
              onCancel={() => {
                setDraft(emptyReport);
                setTab("area");
              }}
            />
          )}
          {tab === "days" && <DedicationDaysPanel fix={fix} />}
          {tab === "hours" && (
            <MyHoursPanel area={area.data} personId={session.data?.user?.personId ?? null} />
          )}
        </Suspense>
      </PageErrorBoundary>
      <AreaMapSlot
        now={tab === "report"}
        ready={settled(area) && settled(patrols) && settled(myReports)}
        basemapUrl={basemapUrl}
        crs={basemapCrs}
        area={area.data}
        patrols={patrols.data?.features ?? noPatrols}
        live={patrol.patrol?.points ?? noTrack}
        fix={fix}
        reportPlace={tab === "report" ? draft.place : null}
        onReportPlace={onReportPlace}
      />
    </div>
  );
}
