// The patrol area's first reads: what the entry script asks for at /my-area (and a volunteer's /)
// is what my-area.html preloads (first-reads.ts), each once, so the page takes the preloaded
// answers and asks nothing twice; for anyone else, only who is signed in.
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { firstReads } from "./api/first-reads.ts";
import { startEarlyReads } from "./early-reads.ts";

// the page's chunk is fetched beside the reads; its module is not what this test is about
vi.mock("./pages/volunteer/my-area-page.tsx", () => ({}));

const volunteer = {
  user: { id: 7, role: "volunteer", displayName: "王阳健", mustChangePassword: false },
  permissions: ["patrols.write"],
};
const coordinator = {
  ...volunteer,
  user: { ...volunteer.user, role: "coordinator" },
  permissions: [],
};

/** The paths read when the entry script starts at `path` with `session` signed in. */
async function readsAt(path: string, session: object): Promise<string[]> {
  const paths: string[] = [];
  vi.stubGlobal("localStorage", { setItem: () => {}, getItem: () => null, removeItem: () => {} });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      paths.push(url);
      return Response.json(url === firstReads.session ? session : {});
    }),
  );
  const client = new QueryClient();
  startEarlyReads(client, path);
  await vi.waitFor(() => expect(client.isFetching()).toBe(0));
  return paths;
}

afterEach(() => vi.unstubAllGlobals());

describe("the entry script's early reads", () => {
  it("at /my-area are the session, then the shell's settings and the area's first reads: what my-area.html preloads, each once", async () => {
    expect(await readsAt("/my-area", volunteer)).toEqual(Object.values(firstReads));
    expect(await readsAt("/", volunteer)).toEqual(Object.values(firstReads));
  });

  it("are only the session for one whose page is not the patrol area", async () => {
    expect(await readsAt("/my-area", coordinator)).toEqual([firstReads.session]);
    expect(await readsAt("/", coordinator)).toEqual([firstReads.session]);
    expect(await readsAt("/map", volunteer)).toEqual([firstReads.session]);
  });
});
