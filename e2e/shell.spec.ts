import { DEMO_ACCOUNTS, expect, test, type Page } from "./fixtures";

/**
 * The shell on a phone, by keyboard: the ☰ menu is a disclosure button that opens with Enter,
 * leads Tab into its panel (account, role, navigation, notifications, language, sign-out),
 * closes on Escape with the focus back on the button, and nothing in the header sticks out at
 * 390 px in either language, for the roles with the longest names. A wide table scrolls inside a
 * labelled region that the keyboard can focus and scroll.
 */
const PHONE = { width: 390, height: 844 };

async function useEnglish(page: Page) {
  const url = new URL(page.url() === "about:blank" ? "http://localhost" : page.url());
  await page.context().addCookies([{ name: "parklink-locale", value: "en", domain: url.hostname || "localhost", path: "/" }]);
}

async function headerOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const out = [...document.querySelectorAll("header *")].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1);
    return { page: root.scrollWidth > root.clientWidth, elements: out.map((el) => el.outerHTML.slice(0, 80)) };
  });
}

test.describe("on a phone", () => {
  test.use({ role: "enterprise", viewport: PHONE });

  test("the menu opens with Enter, is walked with Tab, and closes with Escape, focus back on its button", async ({ page }) => {
    await page.goto("/notifications");
    const button = page.getByRole("button", { name: "菜单" });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const panel = page.getByTestId("menu-panel");
    await expect(panel).toBeVisible();
    const supplier = DEMO_ACCOUNTS.find((a) => a.kind === "enterprise")!;
    // the account and role, the navigation, the notifications, the language and signing out
    await expect(panel.getByTestId("menu-account")).toContainText(supplier.name);
    await expect(panel.getByTestId("menu-account")).toContainText("企业管理员");
    await expect(panel.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "产品目录" })).toBeVisible();
    await expect(panel.getByRole("link", { name: /^消息通知/ })).toBeVisible();
    await expect(panel.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" })).toBeVisible();
    await expect(panel.getByRole("link", { name: "退出" })).toBeVisible();

    // Tab goes from the button into the panel, with a visible focus
    await page.keyboard.press("Tab");
    const focused = page.locator(":focus");
    await expect(focused).toHaveCount(1);
    expect(await focused.evaluate((el) => el.closest("[data-testid=menu-panel]") !== null)).toBe(true);
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("Tab");
    expect(await page.locator(":focus").evaluate((el) => el.closest("[data-testid=menu-panel]") !== null)).toBe(true);

    // Escape closes it and the focus is on the button again
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(panel).toHaveCount(0);
    await expect(button).toBeFocused();

    // following a link from the menu by keyboard closes it on the new page
    await page.keyboard.press("Enter");
    await panel.getByRole("link", { name: "产品目录" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/enterprise\/products$/);
    await expect(button).toHaveAttribute("aria-expanded", "false");
  });

  for (const role of ["enterprise", "park", "admin"] as const) {
    for (const english of [false, true]) {
      test(`nothing in the header sticks out at 390 px for ${role} ${english ? "in English" : "in Chinese"}, menu closed or open`, async ({ pageAs }) => {
        const page = await pageAs(role);
        await page.setViewportSize(PHONE);
        await page.goto("/");
        if (english) {
          await useEnglish(page);
          await page.reload();
        }
        expect(await headerOverflow(page)).toEqual({ page: false, elements: [] });
        await page.getByTestId("menu-button").click();
        await expect(page.getByTestId("menu-panel")).toBeVisible();
        await expect(page.getByTestId("menu-account")).toContainText(DEMO_ACCOUNTS.find((a) => a.kind === role)!.name);
        expect(await headerOverflow(page)).toEqual({ page: false, elements: [] });
      });
    }
  }
});

test.describe("a wide table", () => {
  test.use({ role: "enterprise", viewport: PHONE });

  test("scrolls inside a labelled region that the keyboard focuses and scrolls", async ({ page }) => {
    await page.goto("/agreements");
    const region = page.getByRole("region", { name: "协议", exact: true });
    await expect(region).toBeVisible();
    await expect(region).toHaveAttribute("tabindex", "0");
    await expect(region.getByRole("table")).toBeVisible();
    // the page itself does not scroll sideways; the table's box does
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await region.focus();
    expect(await region.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });
});

test("the first Tab shows the skip link, which puts the focus on the page's content", async ({ page }) => {
  await page.goto("/enterprises");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到正文" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
