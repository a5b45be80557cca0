import fs from "node:fs";
import path from "node:path";
import { NAV } from "../app/_shell/nav";
import { expect, test, type Page, type Role } from "./fixtures";

/**
 * Every page a demo user can reach by following links renders for them, in both languages: no
 * error page, no 404, no refusal behind a link the user was shown, no message key left
 * untranslated, and a heading on every page. One page per route pattern (`/agreements/:id`), so
 * the walk stays short while covering every route the navigation leads to.
 */

type Kind = Role | "visitor";
const KINDS: Kind[] = ["visitor", "enterprise", "procurement", "park", "admin"];
const MAX_PAGES = 45;

/** Text that looks like one of our message keys ("deals.status_active") leaked into the page. */
const MESSAGE_DIR = path.resolve("i18n/messages/zh");
const NAMESPACES = [
  ...new Set(fs.readdirSync(MESSAGE_DIR).flatMap((file) => Object.keys(JSON.parse(fs.readFileSync(path.join(MESSAGE_DIR, file), "utf8"))))),
].join("|");
const LEAKED_KEY = new RegExp(`(?<![\\w@./-])(?:${NAMESPACES})\\.[a-z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_]+)*(?![\\w@/-])`);

/** The route a URL belongs to: ids become `:id`, CAS numbers `:cas`, the query is dropped. */
const routeOf = (href: string) => new URL(href, "http://x").pathname.replace(/\/\d+(?=\/|$)/g, "/:id").replace(/\/\d{2,7}-\d{2}-\d(?=\/|$)/g, "/:cas");

/** Links worth following: same-origin pages, not downloads, API routes, printing or signing out. */
async function pageLinks(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href^='/']:not([download])").evaluateAll((links) =>
    links.map((a) => a.getAttribute("href")!),
  );
  return hrefs.filter((href) => !/^\/(api|signout|signin)(\/|\?|$)/.test(href) && !href.includes("#"));
}

async function checkPage(page: Page, href: string) {
  const response = await page.goto(href);
  expect(response?.status(), `${href} answers`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 }).first(), `${href} has a heading`).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text, `${href} is not an error page`).not.toMatch(/页面出错了|Something went wrong|页面不存在|Page not found/);
  expect(await page.getByTestId("forbidden").count(), `${href} is not refused`).toBe(0);
  expect(LEAKED_KEY.exec(text)?.[0], `${href} shows no message key`).toBeUndefined();
}

for (const kind of KINDS) {
  test.describe(`as ${kind}`, () => {
    if (kind !== "visitor") test.use({ role: kind });

    test(`every page a ${kind} user can reach renders in Chinese and English`, async ({ page }) => {
      test.setTimeout(360_000);
      const seen = new Set<string>();
      const queue = NAV[kind].map((item) => item.href);
      const visited: string[] = [];
      while (queue.length && visited.length < MAX_PAGES) {
        const href = queue.shift()!;
        const route = routeOf(href);
        if (seen.has(route)) continue;
        seen.add(route);
        await test.step(href, () => checkPage(page, href));
        visited.push(href);
        queue.push(...(await pageLinks(page)));
      }
      expect(visited.length).toBeGreaterThan(NAV[kind].length);
      test.info().annotations.push({ type: "pages", description: visited.join(" ") });

      // the same navigation in English
      const { hostname } = new URL(page.url());
      await page.context().addCookies([{ name: "parklink-locale", value: "en", domain: hostname, path: "/" }]);
      for (const item of NAV[kind]) {
        await test.step(`${item.href} (en)`, async () => {
          await checkPage(page, item.href);
          await expect(page.locator("html")).toHaveAttribute("lang", "en");
        });
      }
    });
  });
}
