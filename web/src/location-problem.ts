// Why the browser gives no position, as a message key in words a citizen or volunteer can act on:
// the citizen's place picker and the volunteer's position both say it (its own module, so the
// volunteer's page does not bring the citizen's picker and its map with it).

/** The key of the message for a geolocation error code, or for a browser without geolocation. */
export function locationProblem(code: number | "unsupported"): string {
  if (code === "unsupported") return "citizen.locate.unsupported";
  if (code === 1) return "citizen.locate.denied";
  if (code === 3) return "citizen.locate.timeout";
  return "citizen.locate.unavailable";
}
