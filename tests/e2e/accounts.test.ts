// Accounts as people meet them: the sign-in form (also on a phone), an administrator creating and
// disabling an account, a new user changing the initial password, a volunteer seeing no admin pages.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { root } from "./server.ts";
import { consoleErrors, signIn } from "./sign-in.ts";
import { peopleOnOneServer } from "./signed-in.ts";

const screenshots = path.join(root, "tests/e2e/screenshots");
const skip = browserUnavailable();
const phone = { width: 360, height: 800 };
const desktop = { width: 1280, height: 800 };

/** The account the administrator creates, and the password it must then change. */
const newAccount = { username: "zhangmin", name: "分管副局长 张敏", initial: "chushi-2024-ok" };

describe.skipIf(skip)("accounts", () => {
  const people = peopleOnOneServer();
  let admin: Page;

  /** A fresh browser (own cookies) at the sign-in page. */
  async function openSignIn(viewport: typeof phone, at = "/"): Promise<Page> {
    const context = await people.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(people.url() + at);
    await page.getByRole("button", { name: "登录", exact: true }).waitFor();
    return page;
  }

  const row = (page: Page, username: string) =>
    page
      .locator("tbody tr")
      .filter({ has: page.getByRole("cell", { name: username, exact: true }) });

  it("shows the sign-in form on a phone, and the API's message for a wrong password", async () => {
    const page = await openSignIn(phone);
    await page.screenshot({ path: path.join(screenshots, "sign-in-phone.png") });
    // Nothing sticks out sideways on a 360-pixel screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(phone.width);

    await signIn(page, "admin", "not-the-password");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("密码不正确");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.screenshot({ path: path.join(screenshots, "sign-in-phone-wrong-password.png") });
  });

  it("lets an administrator create an account and see it in the table", async () => {
    admin = await openSignIn(desktop, "/admin/users");
    const errors = consoleErrors(admin);
    await signIn(admin, "admin");
    // Back where the administrator was going before signing in.
    await admin.getByRole("heading", { name: "账号管理" }).waitFor();
    expect(new URL(admin.url()).pathname).toBe("/admin/users");
    await row(admin, "volunteer").waitFor();
    await admin.screenshot({ path: path.join(screenshots, "users-desktop.png") });

    await admin.getByRole("button", { name: "新建账号" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("用户名").fill(newAccount.username);
    await dialog.getByLabel("姓名").fill(newAccount.name);
    await dialog.getByLabel("角色").selectOption({ label: "领导" });
    await dialog.getByLabel("初始密码").fill(newAccount.initial);
    await admin.screenshot({ path: path.join(screenshots, "users-desktop-new-account.png") });
    await dialog.getByRole("button", { name: "新建账号" }).click();
    await dialog.waitFor({ state: "detached" });

    const created = row(admin, newAccount.username);
    await created.waitFor();
    const text = await created.textContent();
    expect(text).toContain(newAccount.name);
    expect(text).toContain("领导");
    expect(text).toContain("启用");
    expect(text).toContain("待改密");
    expect(errors).toEqual([]);
  });

  it("makes a new user change the initial password before anything else", async () => {
    const page = await openSignIn(desktop);
    await signIn(page, newAccount.username, newAccount.initial);
    await page.getByRole("heading", { name: "请先修改初始密码" }).waitFor();
    await page.getByLabel("当前密码").fill(newAccount.initial);
    await page.getByLabel("新密码", { exact: true }).fill("my-own-secret-1");
    await page.getByLabel("再次输入新密码").fill("my-own-secret-2");
    await page.getByRole("button", { name: "确认修改" }).click();
    await page.getByText("两次输入的新密码不一致").waitFor();
    await page.getByLabel("再次输入新密码").fill("my-own-secret-1");
    await page.getByRole("button", { name: "确认修改" }).click();
    await page.waitForSelector("body[data-map-ready='true']", { timeout: 90_000 });
    expect(await page.locator(".who").textContent()).toContain(newAccount.name);
  });

  it("lets an administrator disable the account", async () => {
    const created = row(admin, newAccount.username);
    await created.getByRole("button", { name: "停用" }).click();
    await created.getByRole("button", { name: "启用" }).waitFor();
    expect(await created.textContent()).toContain("停用");
    await admin.screenshot({ path: path.join(screenshots, "users-desktop-disabled.png") });
    const login = await admin.evaluate(async (username) => {
      const response = await fetch(`/api/users?q=${username}`);
      return ((await response.json()) as { users: { disabled: boolean }[] }).users[0];
    }, newAccount.username);
    expect(login?.disabled).toBe(true);
  });

  it("shows in the audit log what the disabling changed", async () => {
    await admin.getByRole("button", { name: "更多" }).click();
    await admin.getByRole("link", { name: "操作日志" }).click();
    await admin.getByRole("heading", { name: "操作日志" }).waitFor();
    // Newest first: the disabling is the latest entry that recorded data.
    const change = admin.locator(".audit-entry").filter({ hasText: "修改了用户" }).first();
    // a sentence in China time: who (role and name) changed which account
    expect(await change.textContent()).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} 系统管理员 \S+ 修改了用户 #\d+/,
    );
    await change.getByRole("button", { name: "详情" }).click();
    await admin.getByText("只列出有变化的字段。").waitFor();
    const shown = await admin.locator(".audit-data").textContent();
    expect(shown).toContain('"disabled": false');
    expect(shown).toContain('"disabled": true');
    expect(shown).not.toContain("displayName"); // unchanged fields are left out
    await admin.screenshot({ path: path.join(screenshots, "audit-desktop.png") });
  });

  it("gives a volunteer no link to the account pages", async () => {
    const page = await openSignIn(desktop);
    await signIn(page, "volunteer");
    await page.getByRole("link", { name: "地图" }).waitFor();
    expect(await page.locator(".who").textContent()).toContain("志愿者");
    // nor under "更多", where the office's less-used pages wait
    const more = page.getByRole("button", { name: "更多" });
    if (await more.count()) await more.click();
    expect(await page.getByRole("link", { name: "账号管理" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "操作日志" }).count()).toBe(0);
    // One's own account pages are in the menu under one's name.
    await page.locator(".who .header-menu-toggle").click();
    await page.getByRole("link", { name: "修改密码" }).waitFor();
  });

  it("fits the coordinator's header in 1280 px in English, and in Chinese", async () => {
    const page = await openSignIn(desktop);
    await signIn(page, "coordinator");
    const header = page.locator(".app-header");
    const fits = () => header.evaluate((h) => h.scrollWidth <= h.clientWidth);
    await page.getByRole("link", { name: "地图" }).waitFor();
    expect(await fits()).toBe(true);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "Map", exact: true }).waitFor();
    await page.locator(".current-phase").waitFor();
    expect(await fits()).toBe(true);
    // The pages that do not fit wait under "More".
    await page.getByRole("button", { name: "More" }).click();
    await page.getByRole("link", { name: "Standards" }).waitFor();
    await page.screenshot({ path: path.join(screenshots, "header-english-1280.png") });
  });
});
