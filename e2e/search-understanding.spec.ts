import { expect, openIndexedSearch, test } from "./fixtures";

/**
 * A visitor types what a chemist has at hand (issue 13): a purity with the name, which the page
 * shows as a condition chip that one click takes away again; a formula; a Traditional name.
 */
test("a purity in the query becomes a removable chip, a formula finds its substance, Traditional finds Simplified", async ({ page }) => {
  await openIndexedSearch(page, "异丙醇");
  const box = page.getByLabel("搜索化学品");
  const results = page.getByRole("region", { name: "搜索结果" }).first();
  const hits = results.getByRole("list", { name: "产品" });

  await box.fill("99.5% 异丙醇");
  const chips = results.getByRole("list", { name: "已识别的条件" });
  await expect(chips.getByRole("listitem")).toHaveText([/纯度 ≥ 99.5%/], { timeout: 30_000 });
  await expect(page).toHaveURL(/q=99\.5%25\+%E5%BC%82%E4%B8%99%E9%86%87|q=99\.5%25%20%E5%BC%82%E4%B8%99%E9%86%87/);
  await chips.getByRole("button", { name: "去掉条件：纯度 ≥ 99.5%" }).click();
  await expect(box).toHaveValue("异丙醇");
  await expect(chips).toHaveCount(0);
  await expect(page).toHaveURL(/\/search\?q=%E5%BC%82%E4%B8%99%E9%86%87$/);

  await box.fill("H2SO4");
  await expect(results.getByText(/分子式 H2O4S：找到 \d+ 个产品/)).toBeVisible({ timeout: 30_000 });
  await expect(hits.getByRole("listitem").first()).toContainText("CAS 7664-93-9");

  await box.fill("異丙醇");
  await expect(results.getByText("繁体字已按简体搜索：异丙醇")).toBeVisible({ timeout: 30_000 });
  await expect(hits.getByRole("listitem").first()).toContainText("CAS 67-63-0");
});
