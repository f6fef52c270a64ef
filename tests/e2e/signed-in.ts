// One CivGrid server and one browser for a test file's people, each in a fresh browser context
// (own cookies) signed in through the form: the set-up the multi-person browser tests share.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.ts";
import { buildWeb, type RunningServer, root, startServer } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";

export const screenshots = path.join(root, "tests/e2e/screenshots");
export const phone = { width: 360, height: 800 };
export const desktop = { width: 1280, height: 800 };

export interface SignedIn {
  page: Page;
  context: BrowserContext;
  /** The page's console errors so far. */
  errors: string[];
}

/**
 * Registers the file's beforeAll/afterAll: a server on its own copy of the demo city and one
 * browser; `signedIn` opens `at` in a new context and signs in as `username` there.
 */
export function peopleOnOneServer(env: Record<string, string> = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer(env);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const running = () => {
    if (!server || !browser) throw new Error("the server and browser start in beforeAll");
    return { server, browser };
  };

  return {
    /** A fresh context nobody is signed in to (a citizen's phone), closed with the rest. */
    async newContext(options: BrowserContextOptions): Promise<BrowserContext> {
      const context = await running().browser.newContext(options);
      contexts.push(context);
      return context;
    },
    /** The server's address, e.g. http://127.0.0.1:43210. */
    url: () => running().server.url,
    async signedIn(
      username: string,
      viewport: { width: number; height: number },
      at: string,
      options: BrowserContextOptions = {},
    ): Promise<SignedIn> {
      const { server, browser } = running();
      const context = await browser.newContext({ viewport, ...options });
      contexts.push(context);
      const page = await context.newPage();
      const errors = consoleErrors(page);
      await page.goto(server.url + at);
      await signIn(page, username);
      await page.locator(".app-nav").waitFor({ state: "attached" });
      return { page, context, errors };
    },
  };
}
