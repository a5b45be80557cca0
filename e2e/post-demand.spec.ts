import { expect, test } from "./fixtures";

test.describe("posting a demand", () => {
  test.use({ role: "procurement" });

  test("a procurement user posts a demand and sees an in-park supplier ranked first with its reasons", async ({ page }) => {
    await page.goto("/procurement");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "采购需求" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "采购需求" })).toBeVisible();
    await page.getByRole("link", { name: "发布需求" }).first().click();

    // the form checks every field: an empty submit is refused with field messages
    await page.getByRole("button", { name: "发布需求" }).click();
    await expect(page.getByText("此项必填").first()).toBeVisible();

    await page.getByLabel("物质名称").fill("异丙醇");
    await page.getByRole("listbox", { name: "词典建议" }).getByRole("option", { name: /^异丙醇.*67-63-0/ }).click();
    await expect(page.getByLabel("CAS号")).toHaveValue("67-63-0");
    await page.getByLabel("数量").fill("100");
    await page.getByLabel("规格等级").selectOption({ label: "工业级" });
    await page.getByLabel("最低纯度（%）").fill("99");
    await page.getByRole("button", { name: "发布需求" }).click();

    await expect(page).toHaveURL(/\/demands\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("异丙醇"); // the name as typed, an alias of 2-丙醇
    const first = page.getByTestId("supplier-candidate").first();
    await expect(first).toContainText("#1");
    await expect(first.getByText("同园区", { exact: true }).first()).toBeVisible();
    await expect(first.getByTestId("match-reasons")).toContainText(/^同园区 · CAS一致 · 可供量覆盖 \d+%/);
    await expect(first.getByRole("link", { name: "联系" })).toHaveAttribute("href", /\/inquiries\/new\?match=\d+$/);
    // by-products are not this demand's suppliers: their section says how to take them
    await expect(page.getByRole("region", { name: "可利用副产品" }).first()).toContainText("本需求不接受副产品");

    // filters live in the URL; dismissing hides a suggestion until it is restored
    await page.getByLabel("只看园内").check();
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/inPark=1/);
    const supplier = await page.getByTestId("supplier-candidate").first().getByRole("link").first().textContent();
    await page.getByTestId("supplier-candidate").first().getByRole("button", { name: "忽略" }).click();
    await expect(page.getByTestId("supplier-candidate").first().getByRole("link").first()).not.toHaveText(supplier!);
    await page.goto(`${new URL(page.url()).pathname}?show=dismissed`);
    await expect(page.getByTestId("supplier-candidate")).toHaveCount(1);
    await page.getByRole("button", { name: "恢复" }).click();
    await expect(page.getByTestId("supplier-candidate")).toHaveCount(0);

    // the demand is in the enterprise's list with its supplier count
    await page.goto("/demands");
    await expect(page.getByRole("row").filter({ hasText: "异丙醇" }).first()).toContainText(/家供应商/);
  });
});
