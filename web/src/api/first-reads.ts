// The API reads a phone's patrol area makes first, at once (early-reads.ts): named once for the
// queries that make them, for my-area.html, which the build writes with a preload of each
// (vite.config.ts), so that they are on their way while the scripts still download (issue 22),
// and for the service worker, which keeps them for offline use (offline/area-reads.ts).
export const firstReads = {
  session: "/api/auth/me",
  config: "/api/config",
  myArea: "/api/my-area",
  /** this week's patrols (the API's default window), as many as a week has */
  patrols: "/api/patrols?limit=200",
  /** 我的上报, the newest first */
  myReports: "/api/my-reports?limit=20",
} as const;
