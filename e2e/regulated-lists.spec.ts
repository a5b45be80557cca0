import { expect, test, unique } from "./fixtures";

/**
 * Park staff maintain the regulated lists (剧毒, 易制爆, 易制毒 by category): a change names its
 * list, effective date and reason, is confirmed before it is recorded, and shows in the change
 * history. The date lies far ahead, so the change is recorded but never takes effect in this run:
 * other journeys searching the same dictionary see no difference.
 */
test.use({ role: "park" });

test("park staff add a substance to 易制毒 category 2 from a future date, after a confirmation", async ({ page }) => {
  const reason = `国办函〔2099〕${unique()}号`;
  await page.goto("/park/dictionary?q=109-05-7");
  await page.getByRole("link", { name: /109-05-7/ }).first().click();
  await expect(page.getByRole("heading", { name: /调整 CAS 109-05-7/ })).toBeVisible();

  await page.getByLabel("名录", { exact: true }).selectOption({ label: "易制毒 第二类" });
  await page.getByLabel("生效日期").fill("2099-01-01");
  await page.getByLabel("依据").fill(reason);
  await page.getByRole("button", { name: "检查变更" }).click();
  // nothing is recorded until confirmed; cancelling goes back to the form
  await expect(page.getByText(/加入“易制毒 第二类”，自 2099-01-01 起生效。变更记录后不可修改，确认吗？/)).toBeVisible();
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page.getByRole("row").filter({ hasText: reason })).toHaveCount(0);

  await page.getByRole("button", { name: "检查变更" }).click();
  await page.getByRole("button", { name: "确认变更" }).click();
  await expect(page.getByText("已记录，将于生效日期自动生效。")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText("2099-01-01");
  await expect(row).toContainText("待生效");
  await expect(row).toContainText("加入“易制毒 第二类”");
});
