// The shell: who is signed in decides between the sign-in page and the app; the path picks the page.
import { isCitizenPath } from "@civgrid/geo";
import { useQuery } from "@tanstack/react-query";
import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useDeferredValue,
  useEffect,
} from "react";
import { useTranslation } from "react-i18next";
import { can, type Me } from "./api/auth.ts";
import { configQuery } from "./api/config-query.ts";
import { useSession } from "./api/use-session.ts";
import { AppHeader } from "./components/app-header.tsx";
import { PageWaiting, QueryErrorBanner } from "./components/error-banner.tsx";
import { PageErrorBoundary } from "./components/page-error-boundary.tsx";
import { PasswordPage } from "./pages/account/password-page.tsx";
import { LoginPage } from "./pages/auth/login-page.tsx";

import { MessagePage } from "./pages/message-page.tsx";
import { navigate, safeReturnPath, useLocation } from "./router.ts";

/**
 * A page whose module loads when it is first opened. React's lazy wants a default export; the
 * pages export by name, so this picks the named one.
 */
function lazyPage<K extends string, P>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// The office's tables (accounts, audit, division, standards): each page loads when opened, so a
// volunteer's phone or the sign-in page never downloads them (issue 22: route split).
const TokensPage = lazyPage(() => import("./pages/account/tokens-page.tsx"), "TokensPage");
const AuditPage = lazyPage(() => import("./pages/admin/audit-page.tsx"), "AuditPage");
const UsersPage = lazyPage(() => import("./pages/admin/users-page.tsx"), "UsersPage");
const DivisionPage = lazyPage(
  () => import("./pages/coordinator/division-page.tsx"),
  "DivisionPage",
);
const StandardPage = lazyPage(() => import("./pages/standards/standard-page.tsx"), "StandardPage");
// The administrator's backups (issue 21).
const BackupsPage = lazyPage(() => import("./pages/admin/backups-page.tsx"), "BackupsPage");
// The administrator's basemap choice (issue 22).
const BasemapPage = lazyPage(() => import("./pages/admin/basemap-page.tsx"), "BasemapPage");
const StandardsPage = lazyPage(
  () => import("./pages/standards/standards-page.tsx"),
  "StandardsPage",
);
// The office's map: its panel draws first, maplibre follows (issue 22: route split).
const MapPage = lazyPage(() => import("./pages/coordinator/map-page.tsx"), "MapPage");
// The editor brings turf and Terra Draw: loaded only when a coordinator opens it.
const GridEditorPage = lazyPage(
  () => import("./pages/coordinator/grid-editor/grid-editor-page.tsx"),
  "GridEditorPage",
);

// The closed loop's pages: only coordinators, units and inspectors open them.
const BoardPage = lazyPage(() => import("./pages/rectification/board-page.tsx"), "BoardPage");
// 待定位: citizens' Open311 requests with an address only, placed on a map by the office.
const UnplacedRequestsPage = lazyPage(
  () => import("./pages/rectification/unplaced-requests-page.tsx"),
  "UnplacedRequestsPage",
);
const InboxPage = lazyPage(() => import("./pages/rectification/inbox-page.tsx"), "InboxPage");
const ProblemPage = lazyPage(() => import("./pages/rectification/problem-page.tsx"), "ProblemPage");
const InspectPage = lazyPage(() => import("./pages/inspector/inspect-page.tsx"), "InspectPage");
// The volunteer's phone page and the office's volunteer hours.
const MyAreaPage = lazyPage(() => import("./pages/volunteer/my-area-page.tsx"), "MyAreaPage");
const VolunteerHoursPage = lazyPage(
  () => import("./pages/coordinator/volunteer-hours-page.tsx"),
  "VolunteerHoursPage",
);
// The leaders' view brings its own map layers and the notice's print code.
const LeaderPage = lazyPage(() => import("./pages/leader/leader-page.tsx"), "LeaderPage");
// The campaign's task list and materials: the office's and the units' pages.
const TasksPage = lazyPage(() => import("./pages/tasks/tasks-page.tsx"), "TasksPage");
const MyTasksPage = lazyPage(() => import("./pages/tasks/my-tasks-page.tsx"), "MyTasksPage");
const MaterialsPage = lazyPage(
  () => import("./pages/materials/materials-page.tsx"),
  "MaterialsPage",
);
const MaterialBoardPage = lazyPage(
  () => import("./pages/materials/material-board-page.tsx"),
  "MaterialBoardPage",
);
// Notifications (issue 17): one's list and settings, and the administrator's channels.
const NotificationsPage = lazyPage(
  () => import("./notifications/notifications-page.tsx"),
  "NotificationsPage",
);
const ChannelsPage = lazyPage(() => import("./notifications/channels-page.tsx"), "ChannelsPage");
const EscalationStepsPage = lazyPage(
  () => import("./notifications/escalation-steps-page.tsx"),
  "EscalationStepsPage",
);
const RankingsPage = lazyPage(() => import("./pages/rankings/rankings-page.tsx"), "RankingsPage");

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
  const session = useSession();
  // The shell and its page are drawn from the session in a deferred render, which React pauses
  // every few milliseconds for the phone's other work, instead of in one piece the moment the
  // session's answer comes (issue 22: /my-area's blocking time at load).
  const answer = useDeferredValue(session.data);
  const { path, search } = useLocation();
  const signedIn = answer ? answer.user !== null : undefined;

  // The address follows the session: /login?next=… when signed out, back to `next` once signed in.
  useEffect(() => {
    if (signedIn === false && path !== "/login")
      navigate(`/login?next=${encodeURIComponent(path + search)}`, { replace: true });
    if (signedIn && path === "/login")
      navigate(safeReturnPath(new URLSearchParams(search).get("next")), { replace: true });
  }, [signedIn, path, search]);

  if (session.error || !answer) return <PageWaiting query={session} />;
  if (!answer.user) {
    const { code, message } = answer;
    return <LoginPage notice={signOutNotices.has(code) ? message : undefined} />;
  }
  return <Shell me={answer} path={path} />;
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
      <QueryErrorBanner query={config} />
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

interface Route {
  /** The permission the page needs: without it the user reads that the page is not theirs. */
  need?: string;
  page: (props: PageProps & { allowed: (permission: string) => boolean }) => ReactNode;
}

/** The signed-in pages by path (declared as data; /problems/:id and /standards/:id come first). */
const ROUTES: Record<string, Route> = {
  // Leaders land on their view; volunteers and grid leaders on their own patrol area.
  "/": {
    page: ({ me, allowed, basemapUrl, basemapCrs }) =>
      me.user.role === "leader" ? (
        <LeaderPage basemapUrl={basemapUrl} />
      ) : allowed("patrols.write") ? (
        <MyAreaPage basemapUrl={basemapUrl} basemapCrs={basemapCrs} />
      ) : (
        <MapPage basemapUrl={basemapUrl} />
      ),
  },
  "/map": { page: ({ basemapUrl }) => <MapPage basemapUrl={basemapUrl} /> },
  "/my-area": {
    need: "patrols.write",
    page: ({ basemapUrl, basemapCrs }) => (
      <MyAreaPage basemapUrl={basemapUrl} basemapCrs={basemapCrs} />
    ),
  },
  "/volunteers": { need: "tasks.write", page: () => <VolunteerHoursPage /> },
  // Signed in: the address is about to move on to where the user was going.
  "/login": { page: () => null },
  "/account/password": { page: () => <PasswordPage /> },
  "/account/tokens": { page: () => <TokensPage /> },
  "/grids": {
    need: "grids.write",
    page: ({ basemapUrl }) => <GridEditor basemapUrl={basemapUrl} />,
  },
  "/grids/division": { need: "grids.write", page: () => <DivisionPage /> },
  "/notifications": { page: ({ me }) => <NotificationsPage me={me} /> },
  "/escalation": {
    page: ({ allowed }) => <EscalationStepsPage mayChange={allowed("problems.dispatch")} />,
  },
  "/admin/notifications": { need: "settings.write", page: () => <ChannelsPage /> },
  "/admin/users": { need: "users.manage", page: () => <UsersPage /> },
  "/admin/backups": { need: "backups.manage", page: () => <BackupsPage /> },
  "/admin/basemap": { need: "settings.write", page: () => <BasemapPage /> },
  "/admin/audit": { need: "audit.read", page: () => <AuditPage /> },
  "/problems": { need: "problems.dispatch", page: () => <BoardPage /> },
  "/problems/unplaced": {
    need: "problems.dispatch",
    page: ({ basemapUrl }) => <UnplacedRequestsPage basemapUrl={basemapUrl} />,
  },
  "/inbox": { need: "rectification.submit", page: ({ me }) => <InboxPage me={me} /> },
  "/inspect": { need: "inspections.write", page: () => <InspectPage /> },
  "/tasks": { need: "tasks.write", page: () => <TasksPage /> },
  "/my-tasks": { need: "tasks.progress", page: () => <MyTasksPage /> },
  "/materials": { need: "unit.materials.write", page: () => <MaterialsPage /> },
  "/materials/board": { need: "tasks.write", page: () => <MaterialBoardPage /> },
  "/rankings": { page: () => <RankingsPage /> },
  "/dashboard": { page: ({ basemapUrl }) => <LeaderPage basemapUrl={basemapUrl} /> },
  "/standards": { page: ({ allowed }) => <StandardsPage canWrite={allowed("standards.write")} /> },
};

/** The grid editor, with its own loading line (it brings turf and Terra Draw). */
function GridEditor({ basemapUrl }: { basemapUrl: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="page">{t("app.loading")}</p>}>
      <GridEditorPage basemapUrl={basemapUrl} />
    </Suspense>
  );
}

function Page(props: PageProps) {
  const { me, path, basemapUrl } = props;
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
  const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
  if (!route) return <MessagePage message={t("nav.notFound")} />;
  if (route.need && !allowed(route.need)) return <MessagePage message={t("nav.forbidden")} />;
  return route.page({ ...props, allowed });
}
