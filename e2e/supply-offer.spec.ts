import { expect, test } from "./fixtures";

test.describe("supply offers", () => {
  test.use({ role: "enterprise" });

  test("an enterprise posts an offer for a product, closes and reposts it, and sees the buyers for its products", async ({ page }) => {
    // a quantity of this test's own tells its row from the offers other runs left
    const quantity = String(100 + Math.floor(Math.random() * 900) + 0.5);
    await page.goto("/enterprise");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "供应报价" }).click();
    await page.getByRole("link", { name: "发布报价" }).first().click();

    await page.getByRole("button", { name: "发布报价" }).click();
    await expect(page.getByText("此项必填").first()).toBeVisible();

    const product = page.getByLabel("产品");
    const choice = (await product.locator("option").nth(1).textContent())!;
    await product.selectOption({ index: 1 });
    await page.getByLabel("可供数量").fill(quantity);
    await page.getByLabel("报价（元/单位）").fill("7100");
    await page.getByRole("button", { name: "发布报价" }).click();
    await expect(page).toHaveURL(/\/offers$/);

    const row = page.getByRole("row").filter({ hasText: choice.split(" · ")[0]! }).filter({ hasText: quantity });
    await expect(row).toContainText("发布中");
    await row.getByRole("button", { name: "关闭" }).click();
    await expect(row).toContainText("已关闭");
    await row.getByRole("button", { name: "重新发布" }).click();
    await expect(row).toContainText("发布中");

    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByText("更多").click();
    await nav.getByRole("link", { name: "潜在买家" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "潜在买家" })).toBeVisible();
    await expect(page.getByTestId("match-reasons").first()).toContainText("CAS一致");
  });
});
