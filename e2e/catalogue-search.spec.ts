import { expect, test, unique } from "./fixtures";

/**
 * An enterprise imports its catalogue with one bad row and sees that row's error; a procurement
 * user then finds the new product by an alias the catalogue row never mentions, and opens it.
 * The names carry this run's token, so the journey never depends on other runs' data.
 */
test.use({ role: "enterprise" });

test("an imported product is found by its alias and opened", async ({ page, pageAs }) => {
  test.slow(); // it waits for the background import and the search sync, behind the other specs' work
  const run = `E2E${unique()}`;
  const csv = [
    "产品编码,产品名称,CAS号,规格等级,纯度(%),形态,包装,年产能(吨),可供量(吨),参考价(元/吨),说明",
    `${run}-1,BnOH 99% ${run},100-51-6,试剂级,99,液体,200kg桶,800,60,15800,`,
    `${run}-2,甲苯 ${run},108-88-4,工业级,99.5,液体,槽车,5000,300,6000,`,
  ].join("\n");

  await test.step("the enterprise imports its catalogue and sees the bad row", async () => {
    await page.goto("/enterprise");
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "产品目录" }).click();
    await page.getByRole("link", { name: "导入目录" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "导入产品目录" })).toBeVisible();
    await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles({ name: `${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\n`) });
    await page.getByRole("button", { name: "开始导入" }).click();

    const result = page.getByTestId("import-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result.getByRole("status")).toHaveText("新增 1 条，更新 0 条，拒绝 1 条。");
    const bad = result.getByRole("row").filter({ hasText: "108-88-4" });
    await expect(bad.getByRole("cell").nth(0)).toHaveText("3");
    await expect(bad.getByRole("cell").nth(1)).toHaveText("cas");
    await expect(bad).toContainText("CAS号校验位错误");
    // the address keeps the import: coming back shows the same result
    await expect(page).toHaveURL(/[?&]job=\d+/);
    await page.reload();
    await expect(page.getByTestId("import-result")).toContainText("拒绝 1 条");
  });

  await test.step("a procurement user finds the product by an alias and opens it", async () => {
    const buyer = await pageAs("procurement");
    await buyer.goto("/procurement");
    await buyer.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "化学品搜索" }).click();
    const box = buyer.getByLabel("搜索化学品");
    const hit = buyer.getByRole("link", { name: `BnOH 99% ${run}` });
    // the worker makes the rows searchable within seconds of the import; with two spec workers and
    // the app on two cores its queue can take longer, so the wait is generous (eventual, not timed).
    // Each try opens the page afresh: the page keeps a query's answer for 30 s, and retyping the
    // same words within the box's debounce asks nothing new
    await expect(async () => {
      if (!buyer.url().endsWith("/search")) await buyer.goto("/search");
      await box.fill("苯甲醇");
      await expect(hit).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 150_000, intervals: [2_000] });
    await expect(buyer).toHaveURL(/\/search\?q=%E8%8B%AF%E7%94%B2%E9%86%87/);
    const card = buyer.getByRole("list", { name: "产品" }).getByRole("listitem").filter({ has: hit });
    await expect(card).toContainText("CAS 100-51-6");
    await expect(card.locator("mark").first()).toBeVisible();
    await hit.click();

    await expect(buyer).toHaveURL(/\/products\/\d+$/);
    await expect(buyer.getByRole("heading", { level: 1 })).toHaveText(`BnOH 99% ${run}`);
    await expect(buyer.getByRole("region", { name: "供应商" }).first()).toContainText("江苏滨江精细化工有限公司");
    await expect(buyer.getByRole("region", { name: "物质信息" }).first()).toContainText("苯甲醇");
    await expect(buyer.getByRole("region", { name: "规格" }).first()).toContainText("试剂级");
  });
});
