import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKind } from "../server/seed/accounts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export function demoAccount(kind: DemoAccountKind) {
  return DEMO_ACCOUNTS.find((a) => a.kind === kind)!;
}

/** Signs in through the sign-in page, as a user would, and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

export async function signInAs(page: Page, kind: DemoAccountKind) {
  await signIn(page, demoAccount(kind).email);
}

/**
 * Opens a search that the demo catalogue answers. On a fresh installation the worker indexes the
 * demo in the background after start, so the first searches may come before it is done.
 */
export async function openIndexedSearch(page: Page, q: string) {
  const first = page.getByRole("region", { name: "搜索结果" }).getByRole("list", { name: "产品" }).getByRole("listitem").first();
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(first).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}
