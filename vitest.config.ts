// One test run for the whole workspace: each package is a project, database tests run on both engines.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two files at a time: most of a file's time is one engine opening and loading the demo city
    // (PGlite's WebAssembly, or the server), so the second core is otherwise idle.
    maxWorkers: 2,
    projects: [
      { test: { name: "geo", include: ["geo/src/**/*.test.ts"] } },
      { test: { name: "seeds", include: ["seeds/src/**/*.test.ts"] } },
      {
        test: {
          name: "api",
          include: ["api/src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "web",
          include: ["web/src/**/*.test.ts", "web/src/**/*.test.tsx"],
        },
      },
      // The test-support code's own tests (tests/support): no database.
      { test: { name: "support", include: ["tests/support/**/*.test.ts"] } },
      {
        test: {
          name: "db",
          include: ["tests/api/**/*.test.ts"],
          // The demo city, loaded once per run; each file opens its own copy (tests/api/demo-city.ts).
          globalSetup: ["tests/api/global-setup.ts"],
          // first-start and restart open an empty PGlite and migrate inside the test itself: ~30 s
          // alone, and past 60 s when other runs load the shared 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          // A page on a busy two-core machine can take seconds to show what a poll waits for;
          // vitest's default (1 s) made the browser tests fail by the clock, not by the product.
          expect: { poll: { timeout: 20_000 } },

          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
