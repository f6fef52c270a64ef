// Signing in through the sign-in form as a user does, and the console errors a test should see.
import type { ConsoleMessage, Page } from "playwright-core";

export const demoPassword = "civgrid-demo";

/** Types the name and password into the sign-in form (in Chinese, the default) and submits. */
export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.getByLabel("用户名/手机号").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/**
 * Collects the page's console errors, except the 401 with which /api/auth/me says nobody is
 * signed in yet: chromium logs every 4xx, and that one is how the app knows to show the form.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  const expected = (m: ConsoleMessage) =>
    m.text().includes("401") && m.location().url.endsWith("/api/auth/me");
  page.on("console", (m) => m.type() === "error" && !expected(m) && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
