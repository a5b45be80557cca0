import { expect, openIndexedSearch, test, unique } from "./fixtures";

/**
 * A buyer searches for something nobody lists: instead of an empty page with empty filters, the
 * dictionary's nearest names ("did you mean"), posting a demand for it, and saving the search as
 * an alert; the saved search is then managed in one place: paused, and deleted after a
 * confirmation. A visitor is asked to sign in to save.
 */
test.use({ role: "procurement" });

test("a buyer's search that finds nothing offers did-you-mean, a demand and an alert, managed on the saved-searches page", async ({ page, pageAs }) => {
  test.setTimeout(180_000);
  await openIndexedSearch(page, "甲苯");
  // a word nobody lists, then a misspelt name: nothing matches both
  const word = `ZQ${unique()}`;
  const q = `${word} acetonne`;
  await page.goto(`/search?q=${encodeURIComponent(q)}`);

  const results = page.getByRole("region", { name: "搜索结果" }).first();
  await expect(results.getByText("没有找到匹配的产品")).toBeVisible({ timeout: 30_000 });
  // nothing to narrow: no facet box
  await expect(page.getByRole("complementary", { name: "筛选" })).toHaveCount(0);
  const didYouMean = results.getByRole("group", { name: "您是不是要找：" });
  await expect(didYouMean.getByRole("link", { name: /^acetone$/i })).toBeVisible();
  const postDemand = results.getByRole("link", { name: `发布采购需求“${q}”` });
  await expect(postDemand).toHaveAttribute("href", `/demands/new?${new URLSearchParams({ q })}`);

  // save the search as an alert, then find it on the saved-searches page
  await results.getByRole("button", { name: "订阅此搜索" }).click();
  await expect(results.getByRole("status")).toContainText("已订阅");
  await results.getByRole("link", { name: "管理订阅" }).click();
  await expect(page).toHaveURL(/\/searches$/);
  await expect(page.getByRole("heading", { level: 1, name: "订阅搜索" })).toBeVisible();
  const row = page.getByTestId("saved-search").filter({ hasText: word });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: q })).toHaveAttribute("href", `/search?${new URLSearchParams({ q })}`);
  await expect(row).toContainText("提醒中");

  // pause it
  await row.getByRole("button", { name: "暂停提醒" }).click();
  await expect(row).toContainText("已暂停");
  await expect(row.getByRole("button", { name: "恢复提醒" })).toBeVisible();

  // delete it: asked first, cancelling keeps it, confirming removes it
  await row.getByRole("button", { name: "删除" }).click();
  const confirm = row.getByRole("alertdialog");
  await expect(confirm).toContainText(`确定删除订阅“${q}”吗？`);
  // a modal: Cancel has the focus, Tab stays inside, Escape cancels and the focus goes back
  await expect(confirm.getByRole("button", { name: "取消" })).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("Tab");
    // (past the last button the browser's own controls may take it: never the page behind)
    expect(await page.evaluate(() => { const el = document.activeElement; return !el || el === document.body || el.closest("dialog") !== null; })).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(row.getByRole("button", { name: "删除" })).toBeFocused();
  await row.getByRole("button", { name: "删除" }).click();
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: "删除" }).click();
  await row.getByRole("alertdialog").getByRole("button", { name: "确定删除" }).click();
  await expect(page.getByTestId("saved-search").filter({ hasText: word })).toHaveCount(0);

  // the demand form opens with the words filled in
  await page.goto(`/demands/new?q=${encodeURIComponent(q)}`);
  await expect(page.getByLabel("物质名称")).toHaveValue(q);

  // the did-you-mean link searches for the name it offers
  await page.goto(`/search?q=${encodeURIComponent(q)}`);
  await results.getByRole("group", { name: "您是不是要找：" }).getByRole("link", { name: /^acetone$/i }).click();
  await expect(page.getByLabel("搜索化学品")).toHaveValue(/^acetone$/i);
  await expect(results.getByRole("list", { name: "产品" }).getByRole("listitem").first()).toContainText("CAS 67-64-1");

  // a visitor sees neither the members-only banner nor a save button, but the way to sign in
  const visitor = await pageAs("visitor");
  await visitor.goto(`/search?q=${encodeURIComponent(q)}`);
  const theirs = visitor.getByRole("region", { name: "搜索结果" }).first();
  await expect(theirs.getByText("没有找到匹配的产品")).toBeVisible({ timeout: 30_000 });
  await expect(theirs.getByText(/可看到供应商、数量与价格/)).toHaveCount(0);
  await expect(theirs.getByRole("link", { name: "登录后订阅此搜索" })).toHaveAttribute("href", /^\/signin\?callbackUrl=/);
});
