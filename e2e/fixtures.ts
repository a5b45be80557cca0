/**
 * What every spec imports: `test` and `expect` from here (not from @playwright/test).
 *
 * Playwright runs the specs on two workers at once against one app, so a spec never depends on
 * another one's rows, and never on which spec ran first:
 *
 * - A page of a demo role: `test.use({ role: "park" })` at the top of a file or `describe` makes
 *   the `page` of its tests signed in as that role ("enterprise", "procurement", "park",
 *   "admin"), from the session e2e/auth.setup.ts signed in once per run (`storageStateOf(role)`).
 *   Without `role`, `page` is a visitor's.
 * - Two roles at once: `const buyer = await pageAs("procurement")` opens a page of that role in a
 *   context of its own (closed after the test); use it beside `page` or another `pageAs`.
 *   `pageAs("visitor")` is a page signed in as nobody (e.g. to sign in an account the test made).
 *   (A bare `browser.newPage()` would inherit the file's `role`.)
 * - Data of its own: name what a test creates with `unique()` (a run-unique suffix: time, worker,
 *   random), e.g. `报价 ${unique()}`, and look rows up by that name, never by "the first one".
 *   Demo rows are for reading; a test that changes one picks a row no other spec uses. Mind that
 *   opening a page may change a row: e2e/every-page.spec.ts walks each demo role's pages (and so
 *   reads the newest inquiry of the demo supplier); a test that checks such state (unread, say)
 *   uses an enterprise of its own, as e2e/deals.spec.ts does (`freshUscc()` for its credit code).
 * - Never sign out on a page of a stored session: that revokes the session every other test of the
 *   role is using. A test of signing out (or of an account it creates) signs in itself through
 *   `signIn(page, email, password)`, the sign-in page, as e2e/accounts.spec.ts does. Failed
 *   sign-ins count against the address's throttle (server/auth/throttle.ts): add none.
 */
import crypto from "node:crypto";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccountKind } from "../server/seed/accounts";

export { expect, DEMO_ACCOUNTS, DEMO_PASSWORD };
export type { Page };
export type Role = DemoAccountKind;

/** Where e2e/auth.setup.ts keeps each role's signed-in session for this run (gitignored). */
export const AUTH_DIR = path.resolve(".test-results", "e2e-auth");
export const storageStateOf = (role: Role) => path.join(AUTH_DIR, `${role}.json`);

export function demoAccount(kind: Role) {
  return DEMO_ACCOUNTS.find((a) => a.kind === kind)!;
}

/** A suffix no other test, worker or run uses: base-36 time, worker index, random. */
export function unique(): string {
  const worker = process.env.TEST_WORKER_INDEX ?? "0";
  return `${Date.now().toString(36)}${worker}${crypto.randomBytes(2).toString("hex")}`.toUpperCase();
}

/** A valid unified social credit code (GB 32100-2015 check character), different on every call. */
export function freshUscc(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = "91320600MA1";
  for (let i = 0; i < 6; i++) body += alphabet[crypto.randomInt(alphabet.length)];
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

export const test = base.extend<{ role: Role | null; pageAs: (role: Role | "visitor") => Promise<Page> }>({
  role: [null, { option: true }],
  // (`provide` is Playwright's `use`, renamed so that the React hooks lint leaves it alone)
  storageState: async ({ role, storageState }, provide) => {
    await provide(role ? storageStateOf(role) : storageState);
  },
  pageAs: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ storageState: role === "visitor" ? { cookies: [], origins: [] } : storageStateOf(role) });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

/** Signs in through the sign-in page, as a user would, and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/**
 * Opens a search that the demo catalogue answers. On a fresh installation the worker indexes the
 * demo in the background after start, so the first searches may come before it is done.
 */
export async function openIndexedSearch(page: Page, q: string) {
  const first = page.getByRole("region", { name: "搜索结果" }).first().getByRole("list", { name: "产品" }).getByRole("listitem").first();
  await expect(async () => {
    await page.goto(`/search?q=${encodeURIComponent(q)}`);
    await expect(first).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}
