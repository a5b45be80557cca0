import { expect, openIndexedSearch, test } from "./fixtures";

/**
 * A visitor searches the demo catalogue as a fresh installation serves it (the worker indexed it
 * at start): by a CAS number without hyphens, an English name with a typo and a Chinese alias;
 * hazardous products show that they exist, not who sells them; filters live in the address.
 */
test("a visitor finds demo products by CAS, English name and alias, and shares a filtered search", async ({ page }) => {
  await openIndexedSearch(page, "甲苯");
  const box = page.getByLabel("搜索化学品");
  const results = page.getByRole("region", { name: "搜索结果" }).first();
  const hits = results.getByRole("list", { name: "产品" });

  await box.fill("67630");
  await expect(results.getByText(/CAS号 67-63-0：找到 \d+ 个产品/)).toBeVisible({ timeout: 30_000 });
  await expect(hits.getByRole("listitem").first()).toContainText("CAS 67-63-0");
  // isopropanol is a hazardous chemical: a visitor sees that it exists, not its supplier or price
  await expect(hits.getByRole("listitem").first()).toContainText("危险化学品：供应商与报价仅对会员展示");
  await expect(hits.getByRole("listitem").first()).not.toContainText("参考价");

  await box.fill("tolune");
  await expect(hits.getByRole("listitem").first()).toContainText("CAS 108-88-3");

  await box.fill("醋酸乙酯");
  await expect(hits.getByRole("listitem").first()).toContainText("CAS 141-78-6");

  // filter by grade: the address carries it, and opening that address shows the same search
  await page.getByRole("group", { name: "规格等级" }).getByRole("button", { name: /医药级/ }).click();
  await expect(page).toHaveURL(/\/search\?q=%E9%86%8B%E9%85%B8%E4%B9%99%E9%85%AF&grade=pharma$/);
  await expect(hits.getByRole("listitem").first()).toContainText("医药级");
  const shared = page.url();
  await page.goto("about:blank");
  await page.goto(shared);
  await expect(page.getByLabel("搜索化学品")).toHaveValue("醋酸乙酯");
  await expect(page.getByRole("group", { name: "规格等级" }).getByRole("button", { name: /医药级/ })).toHaveAttribute("aria-pressed", "true");
  await hits.getByRole("listitem").first().getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\/\d+$/);
  await expect(page.getByRole("region", { name: "物质信息" }).first()).toContainText("乙酸乙酯");

  // nothing found: a clear empty state
  await page.goto("/search?q=zzqqxxnotachemical");
  await expect(page.getByText("没有找到匹配的产品")).toBeVisible();
});

test("a buyer sees the suppliers of its own park first, with their distance", async ({ pageAs }) => {
  const page = await pageAs("procurement");
  await openIndexedSearch(page, "67630");
  const hits = page.getByRole("region", { name: "搜索结果" }).first().getByRole("list", { name: "产品" });
  await expect(page.getByText("相关度相同时，离贵企业最近的供应商排在前面，园内企业优先。")).toBeVisible({ timeout: 30_000 });
  await expect(hits.getByRole("listitem").first()).toContainText("同园区");
  const distances = (await hits.getByText(/^距离 [\d.]+ km$/).allTextContents()).map((text) => Number(/[\d.]+/.exec(text)![0]));
  expect(distances.length).toBeGreaterThan(1);
  expect(distances).toEqual([...distances].sort((a, b) => a - b));
});

test("the search API answers the page's hits as JSON and refuses a bad parameter in both languages", async ({ request }) => {
  const ok = await request.get("/api/search?q=67630&pageSize=3");
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ cas: "67-63-0", pageSize: 3 });
  expect(body.hits.length).toBeGreaterThan(0);
  const bad = await request.get("/api/search?q=x&grade=premium");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { zh: "搜索参数无效：grade", en: "Invalid search parameters: grade" } });
});
