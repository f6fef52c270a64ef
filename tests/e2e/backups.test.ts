// 数据备份 as the administrator meets it: the page in Chinese, 立即备份 disabled while it runs, the
// new archive listed with its China time and size and a download link that answers the archive;
// a backup that cannot be written shows why, in Chinese.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { browserUnavailable } from "./browser.ts";
import { desktop, peopleOnOneServer, screenshots } from "./signed-in.ts";

const skip = browserUnavailable();
const backupDir = await mkdtemp(path.join(tmpdir(), "civgrid-e2e-backups-"));
afterAll(() => rm(backupDir, { recursive: true, force: true }));

describe.skipIf(skip)("backups page", () => {
  const people = peopleOnOneServer({ BACKUP_DIR: backupDir, BACKUP_AT: "02:30" });

  it("takes a backup now and lists it in China time with its size and a download", async () => {
    const { page, errors } = await people.signedIn("admin", desktop, "/admin/backups");
    await page.getByRole("heading", { name: "数据备份" }).waitFor();
    await page.getByText("每天 02:30（北京时间）自动备份一次").waitFor();
    await page.getByText("还没有备份。").waitFor();
    const button = page.getByRole("button", { name: "立即备份" });
    const before = Date.now();
    await button.click();
    // While the archive is written the button says so and cannot be pressed again.
    await page
      .getByRole("button", { name: "正在备份…" })
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    await page.getByText("备份完成：").waitFor({ timeout: 120_000 });
    const row = page.locator("tbody tr").first();
    await row.getByRole("link", { name: "下载" }).waitFor();
    const cells = await row.locator("td").allInnerTexts();
    // The time as China's wall clock: UTC+8 of the moment the button was pressed.
    const china = new Date(before + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(cells[0]).toMatch(new RegExp(`^${china} \\d{2}:\\d{2}$`));
    expect(cells[1]).toMatch(/^\d+(\.\d)? (B|KB|MB)$/);
    expect(cells[3]).toBe("内置数据库");
    const text = (await page.locator(".page").first().textContent()) ?? "";
    expect(text).not.toMatch(/backups\.|pglite|postgres|T\d{2}:\d{2}/);
    await page.screenshot({ path: path.join(screenshots, "admin-backups.png"), fullPage: true });
    const href = await row.getByRole("link", { name: "下载" }).getAttribute("href");
    const answer = await page.request.get(people.url() + href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("application/gzip");
    expect(errors).toEqual([]);
  });
});

describe.skipIf(skip)("backups page when the backup cannot be written", () => {
  // The backup folder's place is taken by a file: the disk refuses.
  const blocked = path.join(backupDir, "blocked");
  const people = peopleOnOneServer({ BACKUP_DIR: blocked, BACKUP_AT: "off" });

  it("says why in Chinese, and the button can be pressed again", async () => {
    await writeFile(blocked, "not a folder");
    const { page } = await people.signedIn("admin", desktop, "/admin/backups");
    await page.getByRole("heading", { name: "数据备份" }).waitFor();
    await page.getByRole("button", { name: "立即备份" }).click();
    await page.getByText(/备份没有完成：无法写入备份目录/).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "立即备份" }).waitFor();
    const text = (await page.locator(".page").first().textContent()) ?? "";
    expect(text).not.toMatch(/backup_failed|500/);
  });
});
