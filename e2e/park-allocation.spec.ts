import { expect, test } from "./fixtures";

test.describe("park allocation", () => {
  test("park staff compare today's and the optimised in-park rate, see the chain gaps and export them", async ({ pageAs }) => {
    const page = await pageAs("park");
    await page.goto("/park");
    await expect(page.getByRole("heading", { name: "资质待办" })).toBeVisible();
    await expect(page.getByTestId("licence-todo")).toContainText("滨江立信化工有限公司");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "配套分析" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "园区配套分析" })).toBeVisible();
    await expect(page.getByTestId("stat-当前园内配套率")).toHaveText(/%$/);
    await expect(page.getByTestId("stat-优化后园内配套率")).toHaveText(/%$/);
    const gaps = page.getByRole("region", { name: "补链清单" });
    await expect(gaps.getByRole("row").filter({ hasText: "园内无供应商" }).first()).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出 XLSX" }).click();
    expect((await download).suggestedFilename()).toMatch(/^allocation-BJHG-.*\.xlsx$/);
  });

  test("an enterprise user cannot open the park allocation", async ({ pageAs }) => {
    const page = await pageAs("enterprise");
    await page.goto("/park/allocation");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
