import { expect, test } from "./fixtures";

test.describe("park allocation", () => {
  test("park staff compare today's and the optimised in-park rate, see the chain gaps and export them", async ({ pageAs }) => {
    const page = await pageAs("park");
    await page.goto("/park");
    await expect(page.getByRole("heading", { name: "资质待办" })).toBeVisible();
    await expect(page.getByTestId("licence-todo")).toContainText("滨江立信化工有限公司");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "配套分析" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "园区配套分析" })).toBeVisible();
    // one base (the open demand) for both rates, the gain beside them, and no candidate-graph jargon
    await expect(page.getByTestId("allocation-base")).toContainText(/口径：园区企业的 \d+ 条未结采购需求/);
    await expect(page.getByTestId("stat-当前园内配套率")).toHaveText(/%$/);
    await expect(page.getByTestId("stat-优化后园内配套率")).toHaveText(/%$/);
    await expect(page.getByTestId("stat-优化增加的园内满足量")).toHaveText(/吨$/);
    await expect(page.getByText(/候选图|连通分量/)).toHaveCount(0);
    const gaps = page.getByRole("region", { name: "补链清单" }).first();
    await expect(gaps.getByRole("row").filter({ hasText: "园内无供应商" }).first()).toBeVisible();
    // acrylic acid has in-park producers, below the purity asked: the gap says so
    const acrylic = gaps.getByRole("row").filter({ hasText: "79-10-7" });
    await expect(acrylic).toContainText(/规格或纯度不符/);
    await expect(acrylic).toContainText(/家园内供应商纯度 [\d.–]+ % 低于所需 99\.5 %/);
    await expect(acrylic).not.toContainText("园内无供应商");
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
