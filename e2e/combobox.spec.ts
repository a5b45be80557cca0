import { expect, test, type Page } from "./fixtures";

/**
 * The demand form with the keyboard alone (issue 16, "a real combobox"): Tab into the substance
 * field, type, ↓ to highlight a dictionary suggestion, Enter picks it and fills the CAS field
 * without submitting the form, Escape closes the list and keeps the text, Tab goes on to the other
 * fields and Enter submits. In Chinese and in English; and at 390 px with touch, where the list
 * fits the screen. The ARIA combobox pattern is asserted on the way (role, aria-expanded,
 * aria-controls, aria-activedescendant, the highlighted option's aria-selected, the live count).
 */

const TEXT = {
  zh: { substance: "物质名称", cas: "CAS号", quantity: "数量", list: "词典建议", count: /^\d+ 个建议/, required: "此项必填", query: "甲醇", name: "甲醇" },
  en: { substance: "Substance", cas: "CAS number", quantity: "Quantity", list: "Dictionary suggestions", count: /^\d+ suggestions?\b/, required: "Required", query: "methanol", name: "Methanol" },
} as const;
const METHANOL = "67-56-1";

/** The language switch in the page header (a cookie of this page's context). */
async function toEnglish(page: Page) {
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** Presses Tab from the top of the page until the element has the focus (fails if it never does). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

for (const lang of ["zh", "en"] as const) {
  test.describe(`the demand form by keyboard (${lang})`, () => {
    test.use({ role: "procurement" });

    test(`picks a substance with ↓ and Enter, closes with Escape, submits with Enter (${lang})`, async ({ page }) => {
      const t = TEXT[lang];
      await page.goto("/demands/new");
      if (lang === "en") await toEnglish(page);
      const substance = page.getByRole("combobox", { name: t.substance });
      const cas = page.getByLabel(t.cas);
      const listbox = page.getByRole("listbox", { name: t.list });

      // the ARIA combobox pattern, closed
      await expect(substance).toHaveAttribute("aria-expanded", "false");
      await expect(substance).toHaveAttribute("aria-autocomplete", "list");
      await expect(substance).toHaveAttribute("aria-controls", "demand-substance-listbox");
      await expect(page.locator("#demand-substance-listbox")).toHaveAttribute("role", "listbox");

      await page.locator("body").focus();
      await tabTo(page, substance);
      await page.keyboard.type(t.query);
      await expect(substance).toHaveAttribute("aria-expanded", "true");
      const methanol = listbox.getByRole("option").filter({ hasText: METHANOL });
      await expect(methanol).toBeVisible();
      // the number of options is announced through a polite live region, in the page's language
      await expect(page.getByTestId("substance-combobox-status")).toHaveText(t.count);
      await expect(page.getByTestId("substance-combobox-status")).toHaveAttribute("role", "status");

      // nothing highlighted yet; ↓ moves the highlight down to methanol
      await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(0);
      const options = await listbox.getByRole("option").allTextContents();
      const index = options.findIndex((o) => o.includes(METHANOL));
      for (let i = 0; i <= index; i++) await page.keyboard.press("ArrowDown");
      await expect(methanol).toHaveAttribute("aria-selected", "true");
      await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(1);
      await expect(substance).toHaveAttribute("aria-activedescendant", (await methanol.getAttribute("id"))!);

      // Enter picks it: the CAS is filled, the list closed, the form NOT submitted
      await page.keyboard.press("Enter");
      await expect(cas).toHaveValue(METHANOL);
      await expect(substance).toHaveValue(t.name);
      await expect(substance).toHaveAttribute("aria-expanded", "false");
      await expect(substance).toBeFocused();
      await expect(page).toHaveURL(/\/demands\/new$/);
      await expect(page.getByText(t.required)).toHaveCount(0);

      // ↓ opens the list again; Escape closes it and keeps the text
      await page.keyboard.press("ArrowDown");
      await expect(substance).toHaveAttribute("aria-expanded", "true");
      await expect(listbox.getByRole("option").first()).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(substance).toHaveAttribute("aria-expanded", "false");
      await expect(listbox.getByRole("option")).toHaveCount(0);
      await expect(substance).toHaveValue(t.name);

      // Tab leaves for the CAS field, then the quantity; Enter submits the form
      await page.keyboard.press("Tab");
      await expect(cas).toBeFocused();
      await page.keyboard.press("Tab");
      await expect(page.getByLabel(t.quantity)).toBeFocused();
      await page.keyboard.type("50");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/demands\/\d+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.name);
    });
  });
}

test.describe("the substance combobox at 390 px with touch", () => {
  test.use({ role: "procurement", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the list fits the screen and a tap picks an option", async ({ page }) => {
    await page.goto("/demands/new");
    const substance = page.getByRole("combobox", { name: "物质名称" });
    await substance.tap();
    await page.keyboard.type("67-64-1"); // a CAS finds acetone
    const listbox = page.getByRole("listbox", { name: "词典建议" });
    const acetone = listbox.getByRole("option").filter({ hasText: "67-64-1" }).first();
    await expect(acetone).toBeVisible();
    const box = (await listbox.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await acetone.tap();
    await expect(page.getByLabel("CAS号")).toHaveValue("67-64-1");
    await expect(substance).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/\/demands\/new$/);

    // a name not in the dictionary says so, and stays as typed
    const unknown = `未收录物质${Date.now()}`;
    await substance.fill(unknown);
    await expect(page.getByText("词典中没有找到，可直接填写名称").first()).toBeVisible();
    await expect(listbox.getByRole("option")).toHaveCount(0);
    // Enter with nothing highlighted closes the list and does not submit the form (the next Enter would)
    await expect(substance).toHaveAttribute("aria-expanded", "true");
    await substance.press("Enter");
    await expect(substance).toHaveAttribute("aria-expanded", "false");
    await expect(page).toHaveURL(/\/demands\/new$/);
    await expect(page.getByText("此项必填")).toHaveCount(0);
    await expect(substance).toHaveValue(unknown);
  });
});
