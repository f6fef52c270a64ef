// What a phone page needs, asked for before React draws (issue 22: /my-area's and /report's
// Lighthouse scores): on a citizen's page (public, no session), the city's configuration; on the
// others the session, and, once it says a volunteer or grid leader is opening their patrol area,
// that area's reads and its page's chunk, at once, instead of one after the other as the shell,
// then the page, render (session → page chunk → area: three round trips on a phone's link). At
// /my-area the chunk comes beside the session's answer, and my-area.html has preloaded the
// session and the reads (first-reads.ts): the queries here take those answers.
import { isCitizenPath } from "@civgrid/geo";
import type { QueryClient } from "@tanstack/react-query";
import { areaQueries } from "./api/area-queries.ts";
import { can, type Session, sessionQuery } from "./api/auth.ts";
import { configQuery } from "./api/config-query.ts";

const loadMyAreaPage = () => import("./pages/volunteer/my-area-page.tsx");

/** The paths on which a patrolling user sees their area (app.tsx's Page). */
const opensArea = (session: Session | undefined, path: string) =>
  !!session?.user &&
  !session.user.mustChangePassword &&
  can(session, "patrols.write") &&
  (path === "/my-area" || (path === "/" && session.user.role !== "leader"));

export function startEarlyReads(client: QueryClient, path: string) {
  // the citizens' pages are public and never ask who is signed in: only the city's configuration
  if (isCitizenPath(path)) {
    void client.prefetchQuery(configQuery());
    return;
  }
  // /my-area is a phone's page: its chunk comes down beside the session's answer
  if (path === "/my-area") void loadMyAreaPage().catch(() => undefined);
  void client.prefetchQuery(sessionQuery()).then(() => {
    const session = client.getQueryData<Session>(sessionQuery().queryKey);
    if (!opensArea(session, path)) return;
    if (path !== "/my-area") void loadMyAreaPage().catch(() => undefined);
    // the shell's settings beside the area's first reads: all that my-area.html preloads
    void client.prefetchQuery(configQuery());
    void client.prefetchQuery(areaQueries.myArea());
    void client.prefetchQuery(areaQueries.patrols());
    void client.prefetchQuery(areaQueries.myReports());
  });
}
