// What a phone page needs, asked for before React draws (issue 22: /my-area's and /report's
// Lighthouse scores): on a citizen's page (public, no session), the city's configuration; on the
// others the session. At /my-area, the patrolling user's own address, the area's reads go out
// beside the session's (its page's chunk is preloaded by my-area.html); at / they follow once the
// session says a volunteer or grid leader is opening their area there, with the page's chunk.
// Either way at once, not one after the other as the shell, then the page, render (session →
// page chunk → area: three round trips on a phone's link).
import { isCitizenPath } from "@civgrid/geo";
import type { QueryClient } from "@tanstack/react-query";
import { areaQueries } from "./api/area-queries.ts";
import { can, type Session, sessionQuery } from "./api/auth.ts";
import { configQuery } from "./api/config-query.ts";

const loadMyAreaPage = () => import("./pages/volunteer/my-area-page.tsx");

/** A patrolling user sees their area at / (app.tsx's Page), a leader their view. */
const opensArea = (session: Session | undefined) =>
  !!session?.user &&
  !session.user.mustChangePassword &&
  can(session, "patrols.write") &&
  session.user.role !== "leader";

/** The area's first reads: the area, the week's patrols, my reports. */
function readArea(client: QueryClient) {
  void client.prefetchQuery(areaQueries.myArea());
  void client.prefetchQuery(areaQueries.patrols());
  void client.prefetchQuery(areaQueries.myReports());
}

export function startEarlyReads(client: QueryClient, path: string) {
  // the citizens' pages are public and never ask who is signed in: only the city's configuration
  if (isCitizenPath(path)) {
    void client.prefetchQuery(configQuery());
    return;
  }
  // /my-area is a phone's page: its chunk, its reads and the shell's settings come down beside
  // the session's answer (one who may not patrol is answered 403 there, and shown the page is not
  // theirs)
  if (path === "/my-area") {
    void loadMyAreaPage().catch(() => undefined);
    void client.prefetchQuery(configQuery());
    readArea(client);
  }
  void client.prefetchQuery(sessionQuery()).then(() => {
    const session = client.getQueryData<Session>(sessionQuery().queryKey);
    if (path !== "/" || !opensArea(session)) return;
    void loadMyAreaPage().catch(() => undefined);
    readArea(client);
  });
}
