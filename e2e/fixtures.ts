import { expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKind } from "../db/seed/accounts";

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
