import { expect, test, type Page } from "./fixtures";

/** The in-park sales shares down the table as numbers (null for "—"), in the order shown. */
async function salesShares(page: Page): Promise<(number | null)[]> {
  const cells = await page.getByTestId("linkage-rows").locator("tr").evaluateAll((rows) =>
    rows.map((r) => (r.querySelectorAll("td")[6]?.textContent ?? "").trim()));
  return cells.map((c) => (c === "—" ? null : Number(c.replace(/[%,]/g, ""))));
}

/** Numbers in order (descending or ascending), every empty one after them. */
function inOrder(values: (number | null)[], dir: 1 | -1) {
  const firstEmpty = values.indexOf(null);
  const numbers = firstEmpty === -1 ? values : values.slice(0, firstEmpty);
  if (firstEmpty !== -1) expect(values.slice(firstEmpty).every((v) => v === null)).toBe(true);
  for (let i = 1; i < numbers.length; i++) expect(dir * (numbers[i]! - numbers[i - 1]!)).toBeGreaterThanOrEqual(0);
  return numbers.length;
}

test.describe("产业关联度", () => {
  test.use({ role: "park" });

  test("park staff open the linkage table from the park page, read what each figure means, sort it and export it", async ({ page }) => {
    await page.goto("/park");
    await page.getByRole("link", { name: "产业关联度" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "产业关联度" })).toBeVisible();
    const rows = page.getByTestId("linkage-rows").locator("tr");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(3);
    await expect(page.getByTestId("linkage-definitions")).toContainText("园内采购额 ÷ 采购额");

    const header = page.getByRole("columnheader", { name: /园内销售占比/ });
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "descending");
    const descending = await salesShares(page);
    expect(inOrder(descending, -1)).toBeGreaterThan(0);
    await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    const ascending = await salesShares(page);
    inOrder(ascending, 1);
    expect(ascending.filter((v) => v !== null)).toEqual(descending.filter((v) => v !== null).reverse());

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出关联度与绿色成效 XLSX" }).click();
    expect((await download).suggestedFilename()).toMatch(/^insights-BJHG-.*\.xlsx$/);
  });

  test("the park dashboard shows the green outcomes with how each is computed", async ({ page }) => {
    await page.goto("/park/dashboard");
    const green = page.getByTestId("green-outcomes");
    await expect(green).toBeVisible();
    await expect(green.getByTestId("stat-减少的二氧化碳当量")).toHaveText(/吨 CO₂e$/);
    await expect(page.getByTestId("green-how")).toContainText("kg CO₂e/吨公里");
  });
});
