// The header: product and city, the pages this user may open, who is signed in, sign-out, language.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { can, type Me } from "../api/auth.ts";
import { useSignOut } from "../api/use-session.ts";
import { NotificationBell } from "../notifications/bell.tsx";
import { CurrentPhase } from "./current-phase.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { Link } from "./link.tsx";

interface Props {
  me: Me;
  cityName: string | undefined;
}

/** Each page with the permission it needs (none: every signed-in user). */
const pages = [
  { to: "/", label: "nav.map" },
  { to: "/my-area", label: "nav.myArea", permission: "patrols.write" },
  { to: "/grids", label: "nav.gridEditor", permission: "grids.write" },
  { to: "/grids/division", label: "nav.division", permission: "grids.write" },
  { to: "/problems", label: "nav.problems", permission: "problems.dispatch" },
  { to: "/inbox", label: "nav.inbox", permission: "rectification.submit" },
  { to: "/inspect", label: "nav.inspect", permission: "inspections.write" },
  { to: "/volunteers", label: "nav.volunteers", permission: "tasks.write" },
  { to: "/tasks", label: "nav.tasks", permission: "tasks.write" },
  { to: "/my-tasks", label: "nav.myTasks", permission: "tasks.progress" },
  { to: "/materials", label: "nav.materials", permission: "unit.materials.write" },
  { to: "/dashboard", label: "nav.dashboard" },
  { to: "/rankings", label: "nav.rankings" },
  { to: "/standards", label: "nav.standards", permission: "standards.write" },
  { to: "/admin/users", label: "nav.users", permission: "users.manage" },
  { to: "/admin/audit", label: "nav.audit", permission: "audit.read" },
  { to: "/admin/notifications", label: "notifications.navChannels", permission: "settings.write" },
  { to: "/admin/basemap", label: "nav.basemap", permission: "settings.write" },
] as const;

/** One's own account, under one's name: a coordinator's dozen pages leave no room for more. */
const accountPages = [
  { to: "/account/password", label: "nav.password" },
  { to: "/account/tokens", label: "nav.tokens" },
] as const;

export function AppHeader({ me, cityName }: Props) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false); // the menu is folded on phones
  // Until the initial password is changed, the password form is the only page.
  const shown = me.user.mustChangePassword
    ? []
    : pages.filter((page) => !("permission" in page) || can(me, page.permission));
  return (
    <header className="app-header">
      <h1>
        {t("app.name")}
        <span className="product-latin"> CivGrid</span>
      </h1>
      {cityName && <span className="city">{cityName}</span>}
      <CurrentPhase />
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
        {shown.map((page) => (
          <Link key={page.to} to={page.to} onNavigate={() => setMenuOpen(false)}>
            {t(page.label)}
          </Link>
        ))}
        <span className="who">
          {me.user.displayName}
          <small>
            {t(`role.${me.user.role}`)}
            {!me.user.mustChangePassword &&
              accountPages.map((page) => (
                <Link key={page.to} to={page.to} onNavigate={() => setMenuOpen(false)}>
                  {t(page.label)}
                </Link>
              ))}
          </small>
        </span>
        <button type="button" className="sign-out" onClick={() => signOut.mutate()}>
          {t("nav.signOut")}
        </button>
      </nav>
      {!me.user.mustChangePassword && <NotificationBell me={me} />}
      <LanguageSwitch />
    </header>
  );
}
