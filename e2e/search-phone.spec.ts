import { expect, openIndexedSearch, test, type Page } from "./fixtures";
import { chineseOutsideUserContent, seriousAxe } from "./page-checks";

/**
 * /search on a phone (390 × 844) and in English: the facets wait behind a 筛选 / Filters button so
 * that the first result is on the first screen; the button opens them (focus in, Escape out and
 * back), shows how many filters are on, and a facet picked there applies; on a desktop the facets
 * are shown as they are. In English the example queries, the facet values (chains, parks), the
 * substance names and the placeholder are English, and no state of the page (start, results,
 * filtered, nothing found) has a serious axe finding, sideways scroll or Chinese outside user content.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

async function setLocale(page: Page, locale: "zh" | "en") {
  const { hostname } = new URL(test.info().project.use.baseURL!);
  await page.context().addCookies([{ name: "parklink-locale", value: locale, domain: hostname, path: "/" }]);
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("the first result is on the first screen, and the Filters button opens the facets, applies one and counts it", async ({ page }) => {
    await openIndexedSearch(page, "乙酸乙酯");
    const results = page.getByRole("region", { name: "搜索结果" }).first();
    const first = results.getByRole("list", { name: "产品" }).getByRole("listitem").first();
    // without scrolling: the page is at its top and the first hit's title is wholly on screen
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(first.getByRole("heading")).toBeInViewport({ ratio: 1 });
    expect(await scrollsSideways(page)).toBe(false);

    const grades = page.getByRole("group", { name: "规格等级" });
    const toggle = page.getByRole("button", { name: /^筛选/ });
    await expect(grades).toBeHidden();
    await expect(toggle).toHaveAccessibleName("筛选");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    const panelId = await toggle.getAttribute("aria-controls");

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(grades).toBeVisible();
    // focus moved into the panel the button controls
    expect(await page.evaluate((id) => Boolean(document.activeElement && document.getElementById(id!)?.contains(document.activeElement)), panelId)).toBe(true);

    await grades.getByRole("button", { name: /医药级/ }).click();
    await expect(page).toHaveURL(/[?&]grade=pharma(&|$)/);
    await expect(grades.getByRole("button", { name: /医药级/ })).toHaveAttribute("aria-pressed", "true");
    await expect(first).toContainText("医药级");
    await expect(toggle).toHaveAccessibleName("筛选（1）");

    // Escape closes the panel and gives the focus back to the button
    await page.keyboard.press("Escape");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(grades).toBeHidden();
    await expect(toggle).toBeFocused();
    await expect(first.getByRole("heading")).toBeInViewport({ ratio: 1 });
  });
});

test("on a desktop the facets are shown as they are, without the Filters button", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await openIndexedSearch(page, "乙酸乙酯");
  await expect(page.getByRole("group", { name: "规格等级" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^筛选/ })).toBeHidden();
});

test.describe("in English, signed in", () => {
  test.use({ role: "procurement" });

  test("examples, facets, substance names and placeholder are English; enterprise names are marked", async ({ page }) => {
    await setLocale(page, "en");
    await page.setViewportSize(DESKTOP);
    await page.goto("/search");
    const box = page.getByLabel("Search chemicals");
    expect(await box.getAttribute("placeholder")).not.toMatch(HAN);
    const examples = page.getByRole("list", { name: "Examples" }).getByRole("button");
    await expect(examples).toHaveText(["isopropyl alcohol", "IPA", "67-63-0", "toluene", "acrylic acid", "ethyl acetate"]);

    // an example runs as shown, and finds its substance
    const hits = page.getByRole("region", { name: "Results" }).first().getByRole("list", { name: "Products" });
    await expect(async () => {
      await page.goto("/search");
      await examples.filter({ hasText: "acrylic acid" }).click();
      await expect(hits.getByRole("listitem").first()).toContainText("CAS 79-10-7", { timeout: 5_000 });
    }).toPass({ timeout: 90_000, intervals: [2_000] });
    await expect(box).toHaveValue("acrylic acid");
    const first = hits.getByRole("listitem").first();
    // the dictionary's English name first; the Chinese one beside it is marked as Chinese
    await expect(first.getByText("Acrylic acid", { exact: false }).first()).toBeVisible();
    await expect(first.locator('[lang="zh-CN"]').first()).toBeVisible();
    await expect(first.locator('a[href^="/enterprises/"]')).toHaveAttribute("translate", "no");

    const chains = page.getByRole("group", { name: "Industry chain" });
    await expect(chains.getByRole("button").first()).toBeVisible();
    expect(await chains.innerText()).not.toMatch(HAN);
    await expect(page.getByRole("group", { name: "Park", exact: true }).getByRole("button", { name: /Binjiang Chemical Industrial Park/ })).toBeVisible();
    await expect(first.getByText("Binjiang Chemical Industrial Park")).toBeVisible();
    expect(await chineseOutsideUserContent(page)).toEqual([]);
  });
});

/**
 * Every state of the page, in both languages, for a visitor and a signed-in buyer: axe at both
 * widths (on the phone with the facets open where there are any), no sideways scroll on the phone,
 * and in English no Chinese outside user content.
 */
const STATES = [
  { name: "start", href: "/search" },
  { name: "results", href: `/search?q=${encodeURIComponent("乙酸乙酯")}` },
  { name: "filtered", href: `/search?q=${encodeURIComponent("乙酸乙酯")}&grade=pharma&minPurity=90` },
  { name: "nothing found", href: "/search?q=zzqqxxnotachemical" },
  { name: "nothing found, filtered", href: "/search?q=zzqqxxnotachemical&grade=pharma" },
  { name: "did you mean", href: "/search?q=acetonne" },
];

for (const role of ["visitor", "procurement"] as const) {
  test.describe(`every state as ${role}`, () => {
    if (role !== "visitor") test.use({ role });

    test(`/search has no serious axe finding, no sideways scroll, no Chinese in English (${role})`, async ({ page }) => {
      test.setTimeout(480_000);
      await openIndexedSearch(page, "乙酸乙酯");
      const problems: string[] = [];
      for (const locale of ["zh", "en"] as const) {
        await setLocale(page, locale);
        for (const state of STATES) {
          const where = `${state.name} [${locale}]`;
          await page.setViewportSize(DESKTOP);
          await page.goto(state.href);
          await page.waitForLoadState("networkidle");
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          problems.push(...(await seriousAxe(page, { colours: false })).map((p) => `${where} desktop: ${p}`));
          if (locale === "en") problems.push(...(await chineseOutsideUserContent(page)).map((p) => `${where}: ${p}`));
          await page.setViewportSize(PHONE);
          await page.evaluate(() => new Promise(requestAnimationFrame));
          if (await scrollsSideways(page)) problems.push(`${where} phone: scrolls sideways`);
          const toggle = page.locator("aside button[aria-expanded]").filter({ visible: true });
          if (await toggle.count()) await toggle.first().click();
          problems.push(...(await seriousAxe(page)).map((p) => `${where} phone: ${p}`));
          if (await scrollsSideways(page)) problems.push(`${where} phone, facets open: scrolls sideways`);
        }
      }
      expect(problems).toEqual([]);
    });
  });
}
