// Debian's chromium, headless with software WebGL, driven by playwright-core (never a downloaded browser).
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** null when chromium is there; otherwise why the browser tests cannot run (a failure under CI=true). */
export function browserUnavailable(): string | null {
  if (existsSync(chromiumPath)) return null;
  const reason = `no chromium at ${chromiumPath} (apt-get install chromium)`;
  if (process.env.CI === "true")
    throw new Error(`CI=true and the browser tests cannot run: ${reason}`);
  console.warn(`\n!!! SKIPPING the browser tests: ${reason}\n`);
  return reason;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--use-gl=angle",
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
      "--ignore-gpu-blocklist",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Resolves once the page has drawn a frame after now: what a screenshot or the next pointer step
 * waits for instead of a fixed sleep (issue 19).
 */
export function nextFrame(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** Resolves once the map has loaded its style and tiles and stopped moving, then drawn a frame. */
export async function mapSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const map = window.__civgridMap;
    return !!map && map.loaded() && map.areTilesLoaded() && !map.isMoving();
  });
  await nextFrame(page);
}
