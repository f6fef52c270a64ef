// The header: product and city, the pages this user may open, who is signed in, sign-out, language.
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { can, type Me } from "../api/auth.ts";
import { useSignOut } from "../api/use-session.ts";
import { AfterFirstView } from "./after-first-view.tsx";
import { HeaderMenu } from "./header-menu.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { Link } from "./link.tsx";

// The bell and the campaign's phase wait for reads of their own: they fill in once the page's
// first view is drawn, in chunks of their own (issue 22), rather than in every page's entry or
// among the reads and tasks that draw the page.
const NotificationBell = lazy(() =>
  import("../notifications/bell.tsx").then((m) => ({ default: m.NotificationBell })),
);
const CurrentPhase = lazy(() =>
  import("./current-phase.tsx").then((m) => ({ default: m.CurrentPhase })),
);

interface Props {
  me: Me;
  cityName: string | undefined;
}

/**
 * Each page with the permission it needs (none: every signed-in user). Pages marked `more` are
 * opened less often (settings, records): on a wide screen they wait under "More", so the header
 * fits 1280 px in English too; the folded phone menu lists them with the rest.
 */
const pages = [
  { to: "/", label: "nav.map" },
  { to: "/my-area", label: "nav.myArea", permission: "patrols.write" },
  { to: "/grids", label: "nav.gridEditor", permission: "grids.write" },
  { to: "/grids/division", label: "nav.division", permission: "grids.write", more: true },
  { to: "/problems", label: "nav.problems", permission: "problems.dispatch" },
  {
    to: "/problems/unplaced",
    label: "nav.unplacedRequests",
    permission: "problems.dispatch",
    more: true,
  },
  { to: "/inbox", label: "nav.inbox", permission: "rectification.submit" },
  { to: "/inspect", label: "nav.inspect", permission: "inspections.write" },
  { to: "/volunteers", label: "nav.volunteers", permission: "tasks.write" },
  { to: "/tasks", label: "nav.tasks", permission: "tasks.write" },
  { to: "/my-tasks", label: "nav.myTasks", permission: "tasks.progress" },
  { to: "/materials", label: "nav.materials", permission: "unit.materials.write" },
  { to: "/dashboard", label: "nav.dashboard" },
  { to: "/rankings", label: "nav.rankings" },
  { to: "/standards", label: "nav.standards", permission: "standards.write", more: true },
  { to: "/admin/users", label: "nav.users", permission: "users.manage", more: true },
  { to: "/admin/audit", label: "nav.audit", permission: "audit.read", more: true },
  {
    to: "/admin/notifications",
    label: "notifications.navChannels",
    permission: "settings.write",
    more: true,
  },
  { to: "/admin/basemap", label: "nav.basemap", permission: "settings.write", more: true },
  { to: "/admin/backups", label: "nav.backups", permission: "backups.manage", more: true },
] as const;

/** One's own account, in the menu under one's name, with signing out. */
const accountPages = [
  { to: "/account/password", label: "nav.password" },
  { to: "/account/tokens", label: "nav.tokens" },
] as const;

export function AppHeader({ me, cityName }: Props) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false); // the menu is folded on phones
  // Which drop-down is open: the less used pages, or one's own account.
  const [dropDown, setDropDown] = useState<"more" | "account" | null>(null);
  const toggle = (which: "more" | "account") => (open: boolean) => setDropDown(open ? which : null);
  // Until the initial password is changed, the password form is the only page.
  const shown = me.user.mustChangePassword
    ? []
    : pages.filter((page) => !("permission" in page) || can(me, page.permission));
  const more = shown.filter((page) => "more" in page);
  const closeMenus = () => {
    setMenuOpen(false);
    setDropDown(null);
  };
  const link = (page: { to: string; label: string }) => (
    <Link key={page.to} to={page.to} onNavigate={closeMenus}>
      {t(page.label)}
    </Link>
  );
  return (
    <header className="app-header">
      <h1>
        {t("app.name")}
        <span className="product-latin"> CivGrid</span>
      </h1>
      {cityName && <span className="city">{cityName}</span>}
      <AfterFirstView>
        <Suspense fallback={null}>
          <CurrentPhase />
        </Suspense>
      </AfterFirstView>
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="app-nav"
        onClick={() => setMenuOpen(!menuOpen)}
      >
        {t("nav.menu")}
      </button>
      <nav id="app-nav" className={menuOpen ? "app-nav open" : "app-nav"}>
        {shown.filter((page) => !("more" in page)).map(link)}
        {more.length > 0 && (
          <HeaderMenu
            id="more-pages"
            className="more-pages"
            label={t("nav.more")}
            open={dropDown === "more"}
            onToggle={toggle("more")}
          >
            {more.map(link)}
          </HeaderMenu>
        )}
        <HeaderMenu
          id="account-menu"
          className="who"
          label={
            <>
              {me.user.displayName}
              <small>{t(`role.${me.user.role}`)}</small>
            </>
          }
          open={dropDown === "account"}
          onToggle={toggle("account")}
        >
          {!me.user.mustChangePassword && accountPages.map(link)}
          <button type="button" className="sign-out" onClick={() => signOut.mutate()}>
            {t("nav.signOut")}
          </button>
        </HeaderMenu>
      </nav>
      {!me.user.mustChangePassword && (
        <AfterFirstView>
          <Suspense fallback={null}>
            <NotificationBell me={me} />
          </Suspense>
        </AfterFirstView>
      )}
      <LanguageSwitch />
    </header>
  );
}
