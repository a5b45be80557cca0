import { expect, test } from "./fixtures";

test.describe("chain map (产业链图谱)", () => {
  test("park staff open the chain map of their park, see its gaps, filter a chain, open an enterprise and export", async ({ pageAs }) => {
    const page = await pageAs("park");
    await page.goto("/park");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "产业链图谱" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "产业链图谱" })).toBeVisible();
    await expect(page.getByText("滨江化学工业园：园内企业之间")).toBeVisible();
    // the graph is drawn (a canvas), and the gaps are listed under it with their reasons
    await expect(page.getByTestId("chain-graph").locator("canvas").first()).toBeVisible();
    const gaps = page.getByRole("region", { name: "补链缺口" }).first();
    await expect(gaps.getByTestId("chain-gaps").getByRole("row").first()).toBeVisible();
    await expect(gaps.getByRole("row").filter({ hasText: "园内无供应商" }).first()).toBeVisible();
    const allFlows = Number(await page.getByTestId("stat-物料流向").innerText());
    expect(allFlows).toBeGreaterThan(0);

    // the picture as PNG, from the chart itself
    const png = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出图片（PNG）" }).click();
    expect((await png).suggestedFilename()).toMatch(/^chain-map-BJHG-.*\.png$/);

    // one chain: its flows only
    await page.getByRole("combobox", { name: "产业链" }).selectOption("有机新材料");
    await page.getByRole("button", { name: "应用" }).click();
    await expect(page).toHaveURL(/chain=%E6%9C%89%E6%9C%BA%E6%96%B0%E6%9D%90%E6%96%99|chain=有机新材料/);
    await expect(page.getByRole("combobox", { name: "产业链" })).toHaveValue("有机新材料");
    const chainFlows = Number(await page.getByTestId("stat-物料流向").innerText());
    expect(chainFlows).toBeGreaterThan(0);
    expect(chainFlows).toBeLessThanOrEqual(allFlows);

    // the table under the graph: every seller and buyer opens its enterprise
    const seller = page.getByTestId("chain-flows").getByRole("row").first().getByRole("link").first();
    const name = (await seller.innerText()).trim();
    await seller.click();
    await expect(page).toHaveURL(/\/enterprises\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await page.goBack();

    // the underlying table as XLSX, with the chain filter
    const xlsx = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出明细（XLSX）" }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/^chain-map-BJHG-.*\.xlsx$/);
  });

  test("a gap opens its substance view: producers, consumers and the reason", async ({ pageAs }) => {
    const page = await pageAs("park");
    await page.goto("/park/chain-map");
    // acrylic acid is made in the park, below the purity 江苏中润树脂 asks: a gap, with its producers beside it
    const acrylic = page.getByTestId("chain-gaps").getByRole("row").filter({ hasText: "79-10-7" });
    await acrylic.getByRole("link", { name: "丙烯酸" }).click();
    await expect(page).toHaveURL(/\/park\/chain-map\/substance\/79-10-7/);
    await expect(page.getByRole("heading", { level: 1, name: "丙烯酸" })).toBeVisible();
    await expect(page.getByTestId("substance-gap")).toContainText(/家园内供应商纯度 [\d.–]+ % 低于所需 99\.5 %/);
    await expect(page.getByTestId("substance-producers").getByRole("listitem").first()).toBeVisible();
    await expect(page.getByTestId("substance-consumers")).toContainText("江苏中润树脂有限公司");
    await expect(page.getByTestId("chain-graph").locator("canvas").first()).toBeVisible();
  });

  test("an enterprise user cannot open the chain map", async ({ pageAs }) => {
    const page = await pageAs("enterprise");
    await page.goto("/park/chain-map");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });
});
