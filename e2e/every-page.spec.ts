import fs from "node:fs";
import path from "node:path";
import { NAV } from "../app/_shell/nav";
import { expect, test, type Page, type Role } from "./fixtures";
import { chineseOutsideUserContent, overflowProblems, seriousAxe } from "./page-checks";

/**
 * The walk: every page a demo user can reach by following links, per role, in Chinese and in
 * English, at a desktop width and on a phone (390 × 844). Each page must render (no error page,
 * no 404, no refusal behind a link the user was shown, no message key left untranslated, a
 * heading), pass axe with no serious or critical violation at both widths, never scroll sideways
 * on the phone (`scrollWidth > clientWidth`), and, in English, show no Chinese outside user
 * content — text the page marks `translate="no"` (enterprise and person names, titles, free
 * text) or `lang="zh"` (the language switch's 中文).
 *
 * One page per route pattern (`/agreements/:id`), so the walk stays short while covering every
 * route the navigation leads to. All of a test's problems are gathered and reported together.
 * axe runs at each width once per page (see checkPage), to keep the walk within CI's time.
 */

type Kind = Role | "visitor";
type Locale = "zh" | "en";
const KINDS: Kind[] = ["visitor", "enterprise", "procurement", "park", "admin"];
const MAX_PAGES = 45;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

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

/** Every check of one page in one language, at both widths; the page's problems. */
async function checkPage(page: Page, href: string, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  await page.setViewportSize(DESKTOP);
  const response = await page.goto(href);
  expect(response?.status(), `${href} answers`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 }).first(), `${href} has a heading`).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : "en");
  const text = await page.locator("body").innerText();
  expect(text, `${href} is not an error page`).not.toMatch(/页面出错了|Something went wrong|页面不存在|Page not found/);
  expect(await page.getByTestId("forbidden").count(), `${href} is not refused`).toBe(0);
  expect(LEAKED_KEY.exec(text)?.[0], `${href} shows no message key`).toBeUndefined();
  // axe once per width: at 390 px in Chinese (every rule), at 1280 px in English (every rule but
  // colour contrast, the slowest, which the width does not change) — the rules read structure,
  // names and colours, which are the same in both languages; what the language does change (text
  // that no longer fits, Chinese left in English) is checked in each language
  if (locale === "en") {
    problems.push(...(await chineseOutsideUserContent(page)));
    problems.push(...(await seriousAxe(page, { colours: false })).map((p) => `desktop: ${p}`));
  }
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  problems.push(...(await overflowProblems(page)).map((p) => `phone: ${p}`));
  if (locale === "zh") problems.push(...(await seriousAxe(page)).map((p) => `phone: ${p}`));
  return problems.map((p) => `${href} [${locale}] ${p}`);
}

for (const kind of KINDS) {
  for (const locale of ["zh", "en"] as const) {
    test.describe(`as ${kind}`, () => {
      if (kind !== "visitor") test.use({ role: kind });

      test(`every page a ${kind} user can reach works in ${locale === "zh" ? "Chinese" : "English"} at desktop and phone widths`, async ({ page }) => {
        test.setTimeout(600_000);
        const { hostname } = new URL(test.info().project.use.baseURL!);
        await page.context().addCookies([{ name: "parklink-locale", value: locale, domain: hostname, path: "/" }]);
        // the walk opens every page by its URL: the links' prefetches would only render pages twice
        await page.route("**/*", (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.fallback()));
        const seen = new Set<string>();
        const queue = NAV[kind].map((item) => item.href);
        const visited: string[] = [];
        const problems: string[] = [];
        while (queue.length && visited.length < MAX_PAGES) {
          const href = queue.shift()!;
          const route = routeOf(href);
          if (seen.has(route)) continue;
          seen.add(route);
          await test.step(href, async () => problems.push(...(await checkPage(page, href, locale))));
          visited.push(href);
          queue.push(...(await pageLinks(page)));
        }
        expect(visited.length).toBeGreaterThan(NAV[kind].length);
        test.info().annotations.push({ type: "pages", description: visited.join(" ") });
        if (process.env.WALK_REPORT_DIR) {
          fs.mkdirSync(process.env.WALK_REPORT_DIR, { recursive: true });
          fs.writeFileSync(path.join(process.env.WALK_REPORT_DIR, `${kind}-${locale}.json`), JSON.stringify({ visited, problems }, null, 1));
        }
        expect(problems, `${problems.length} problems on ${visited.length} pages`).toEqual([]);
      });
    });
  }
}
