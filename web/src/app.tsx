// The shell: who is signed in decides between the sign-in page and the app; the path picks the page.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { can, type Me } from "./api/auth.ts";
import { configQuery } from "./api/config-query.ts";
import { useSession } from "./api/use-session.ts";
import { AppHeader } from "./components/app-header.tsx";
import { ErrorBanner } from "./components/error-banner.tsx";
import { PageErrorBoundary } from "./components/page-error-boundary.tsx";
import { PasswordPage } from "./pages/account/password-page.tsx";
import { LoginPage } from "./pages/auth/login-page.tsx";
import { isCitizenPath } from "./pages/citizen/citizen-paths.ts";
import { MessagePage } from "./pages/message-page.tsx";
import { navigate, safeReturnPath, useLocation } from "./router.ts";

// The office's tables (accounts, audit, division, standards): each page loads when opened, so a
// volunteer's phone or the sign-in page never downloads them (issue 22: route split).
const TokensPage = lazy(() =>
  import("./pages/account/tokens-page.tsx").then((m) => ({ default: m.TokensPage })),
);
const AuditPage = lazy(() =>
  import("./pages/admin/audit-page.tsx").then((m) => ({ default: m.AuditPage })),
);
const UsersPage = lazy(() =>
  import("./pages/admin/users-page.tsx").then((m) => ({ default: m.UsersPage })),
);
const DivisionPage = lazy(() =>
  import("./pages/coordinator/division-page.tsx").then((m) => ({ default: m.DivisionPage })),
);
const StandardPage = lazy(() =>
  import("./pages/standards/standard-page.tsx").then((m) => ({ default: m.StandardPage })),
);
// The administrator's backups (issue 21).
const BackupsPage = lazy(() =>
  import("./pages/admin/backups-page.tsx").then((m) => ({ default: m.BackupsPage })),
);
// The administrator's basemap choice (issue 22).
const BasemapPage = lazy(() =>
  import("./pages/admin/basemap-page.tsx").then((m) => ({ default: m.BasemapPage })),
);
const StandardsPage = lazy(() =>
  import("./pages/standards/standards-page.tsx").then((m) => ({ default: m.StandardsPage })),
);
// The office's map: its panel draws first, maplibre follows (issue 22: route split).
const MapPage = lazy(() =>
  import("./pages/coordinator/map-page.tsx").then((m) => ({ default: m.MapPage })),
);
// The editor brings turf and Terra Draw: loaded only when a coordinator opens it.
const GridEditorPage = lazy(() =>
  import("./pages/coordinator/grid-editor/grid-editor-page.tsx").then((module) => ({
    default: module.GridEditorPage,
  })),
);

// The closed loop's pages: only coordinators, units and inspectors open them.
const BoardPage = lazy(() =>
  import("./pages/rectification/board-page.tsx").then((m) => ({ default: m.BoardPage })),
);
// 待定位: citizens' Open311 requests with an address only, placed on a map by the office.
const UnplacedRequestsPage = lazy(() =>
  import("./pages/rectification/unplaced-requests-page.tsx").then((m) => ({
    default: m.UnplacedRequestsPage,
  })),
);
const InboxPage = lazy(() =>
  import("./pages/rectification/inbox-page.tsx").then((m) => ({ default: m.InboxPage })),
);
const ProblemPage = lazy(() =>
  import("./pages/rectification/problem-page.tsx").then((m) => ({ default: m.ProblemPage })),
);
const InspectPage = lazy(() =>
  import("./pages/inspector/inspect-page.tsx").then((m) => ({ default: m.InspectPage })),
);
// The volunteer's phone page and the office's volunteer hours.
const MyAreaPage = lazy(() =>
  import("./pages/volunteer/my-area-page.tsx").then((m) => ({ default: m.MyAreaPage })),
);
const VolunteerHoursPage = lazy(() =>
  import("./pages/coordinator/volunteer-hours-page.tsx").then((m) => ({
    default: m.VolunteerHoursPage,
  })),
);
// The leaders' view brings its own map layers and the notice's print code.
const LeaderPage = lazy(() =>
  import("./pages/leader/leader-page.tsx").then((m) => ({ default: m.LeaderPage })),
);
// The campaign's task list and materials: the office's and the units' pages.
const TasksPage = lazy(() =>
  import("./pages/tasks/tasks-page.tsx").then((m) => ({ default: m.TasksPage })),
);
const MyTasksPage = lazy(() =>
  import("./pages/tasks/my-tasks-page.tsx").then((m) => ({ default: m.MyTasksPage })),
);
const MaterialsPage = lazy(() =>
  import("./pages/materials/materials-page.tsx").then((m) => ({ default: m.MaterialsPage })),
);
const MaterialBoardPage = lazy(() =>
  import("./pages/materials/material-board-page.tsx").then((m) => ({
    default: m.MaterialBoardPage,
  })),
);
// Notifications (issue 17): one's list and settings, and the administrator's channels.
const NotificationsPage = lazy(() =>
  import("./notifications/notifications-page.tsx").then((m) => ({ default: m.NotificationsPage })),
);
const ChannelsPage = lazy(() =>
  import("./notifications/channels-page.tsx").then((m) => ({ default: m.ChannelsPage })),
);
const EscalationStepsPage = lazy(() =>
  import("./notifications/escalation-steps-page.tsx").then((m) => ({
    default: m.EscalationStepsPage,
  })),
);
const RankingsPage = lazy(() =>
  import("./pages/rankings/rankings-page.tsx").then((m) => ({ default: m.RankingsPage })),
);

// The citizens' pages (/report): a chunk of their own, so no staff page carries the report form
// before its first paint (issue 22), and the citizen does not carry the staff's shell.
const CitizenPage = lazy(() =>
  import("./pages/citizen/citizen-page.tsx").then((m) => ({ default: m.CitizenPage })),
);

/** Reasons to tell a user on the sign-in page; a plain sign-out needs no explanation. */
const signOutNotices = new Set(["session_expired", "account_disabled"]);

/** The citizens' report pages are public: they never ask who is signed in. */
export function App() {
  const { path } = useLocation();
  // Never a blank page: an error outside a signed-in page (sign-in, the citizens' report) lands here.
  return (
    <PageErrorBoundary resetKeys={[path]}>
      {isCitizenPath(path) ? (
        <Suspense fallback={null}>
          <CitizenPage path={path} />
        </Suspense>
      ) : (
        <SessionApp />
      )}
    </PageErrorBoundary>
  );
}

function SessionApp() {
  const { t } = useTranslation();
  const session = useSession();
  const { path, search } = useLocation();
  const signedIn = session.data ? session.data.user !== null : undefined;

  // The address follows the session: /login?next=… when signed out, back to `next` once signed in.
  useEffect(() => {
    if (signedIn === false && path !== "/login")
      navigate(`/login?next=${encodeURIComponent(path + search)}`, { replace: true });
    if (signedIn && path === "/login")
      navigate(safeReturnPath(new URLSearchParams(search).get("next")), { replace: true });
  }, [signedIn, path, search]);

  if (session.error)
    return (
      <div className="page">
        <ErrorBanner message={session.error.message} onRetry={() => void session.refetch()} />
      </div>
    );
  if (!session.data) return <p className="page">{t("app.loading")}</p>;
  if (!session.data.user) {
    const { code, message } = session.data;
    return <LoginPage notice={signOutNotices.has(code) ? message : undefined} />;
  }
  return <Shell me={session.data} path={path} />;
}

function Shell({ me, path }: { me: Me; path: string }) {
  const { t } = useTranslation();
  const config = useQuery(configQuery());
  // Without the settings the map still works, just without a basemap.
  const basemapUrl = config.isError ? null : config.data?.basemapUrl;
  const basemapCrs = config.data?.basemapCrs ?? "wgs84";
  return (
    <div className="app">
      <AppHeader me={me} cityName={config.data?.city.name} />
      {config.error && (
        <ErrorBanner message={config.error.message} onRetry={() => void config.refetch()} />
      )}
      <main>
        {me.user.mustChangePassword ? (
          <PasswordPage required />
        ) : (
          // A page that fails to draw (or whose chunk cannot load) leaves the header and nav.
          <PageErrorBoundary resetKeys={[path]}>
            <Suspense fallback={<p className="page">{t("app.loading")}</p>}>
              <Page me={me} path={path} basemapUrl={basemapUrl} basemapCrs={basemapCrs} />
            </Suspense>
          </PageErrorBoundary>
        )}
      </main>
    </div>
  );
}

interface PageProps {
  me: Me;
  path: string;
  basemapUrl: string | null | undefined;
  /** The basemap's coordinate system, for the pages that place phone positions on it. */
  basemapCrs: "wgs84" | "gcj02";
}

function Page({ me, path, basemapUrl, basemapCrs }: PageProps) {
  const { t } = useTranslation();
  const allowed = (permission: string) => can(me, permission);
  const problemId = /^\/problems\/(\d{1,10})$/.exec(path)?.[1];
  if (problemId) return <ProblemPage me={me} id={Number(problemId)} basemapUrl={basemapUrl} />;
  const standardId = /^\/standards\/(\d{1,10})$/.exec(path)?.[1];
  if (standardId)
    return (
      <StandardPage
        key={standardId}
        id={Number(standardId)}
        canWrite={allowed("standards.write")}
      />
    );
  switch (path) {
    case "/":
      // Leaders land on their view; volunteers and grid leaders on their own patrol area.
      if (me.user.role === "leader") return <LeaderPage basemapUrl={basemapUrl} />;
      return allowed("patrols.write") ? (
        <MyAreaPage basemapUrl={basemapUrl} basemapCrs={basemapCrs} />
      ) : (
        <MapPage basemapUrl={basemapUrl} />
      );
    case "/map":
      return <MapPage basemapUrl={basemapUrl} />;
    case "/my-area":
      return allowed("patrols.write") ? (
        <MyAreaPage basemapUrl={basemapUrl} basemapCrs={basemapCrs} />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/volunteers":
      return allowed("tasks.write") ? (
        <VolunteerHoursPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/login":
      return null; // signed in: the address is about to move on to where the user was going
    case "/account/password":
      return <PasswordPage />;
    case "/account/tokens":
      return <TokensPage />;
    case "/grids":
      return allowed("grids.write") ? (
        <Suspense fallback={<p className="page">{t("app.loading")}</p>}>
          <GridEditorPage basemapUrl={basemapUrl} />
        </Suspense>
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/grids/division":
      return allowed("grids.write") ? (
        <DivisionPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/notifications":
      return <NotificationsPage me={me} />;
    case "/escalation":
      return <EscalationStepsPage mayChange={allowed("problems.dispatch")} />;
    case "/admin/notifications":
      return allowed("settings.write") ? (
        <ChannelsPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/admin/users":
      return allowed("users.manage") ? <UsersPage /> : <MessagePage message={t("nav.forbidden")} />;
    case "/admin/backups":
      return allowed("backups.manage") ? (
        <BackupsPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/admin/basemap":
      return allowed("settings.write") ? (
        <BasemapPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/admin/audit":
      return allowed("audit.read") ? <AuditPage /> : <MessagePage message={t("nav.forbidden")} />;
    case "/problems":
      return allowed("problems.dispatch") ? (
        <BoardPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/problems/unplaced":
      return allowed("problems.dispatch") ? (
        <UnplacedRequestsPage basemapUrl={basemapUrl} />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/inbox":
      return allowed("rectification.submit") ? (
        <InboxPage me={me} />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/inspect":
      return allowed("inspections.write") ? (
        <InspectPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/tasks":
      return allowed("tasks.write") ? <TasksPage /> : <MessagePage message={t("nav.forbidden")} />;
    case "/my-tasks":
      return allowed("tasks.progress") ? (
        <MyTasksPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/materials":
      return allowed("unit.materials.write") ? (
        <MaterialsPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/materials/board":
      return allowed("tasks.write") ? (
        <MaterialBoardPage />
      ) : (
        <MessagePage message={t("nav.forbidden")} />
      );
    case "/rankings":
      return <RankingsPage />;
    case "/dashboard":
      return <LeaderPage basemapUrl={basemapUrl} />;
    case "/standards":
      return <StandardsPage canWrite={allowed("standards.write")} />;
    default:
      return <MessagePage message={t("nav.notFound")} />;
  }
}
