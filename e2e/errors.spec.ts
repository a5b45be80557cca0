import { expect, test } from "./fixtures";

/**
 * Refusals answer with their HTTP status, on pages as on the API: a missing agreement (or an id
 * that is no id) is a 404, a page the user may not see a 403 with the refusal's message, and a
 * members-only page asked for by an anonymous visitor a 401 with a sign-in link (not a redirect).
 * No answer carries SQL or a stack.
 */

const SQL_OR_STACK = /\b(select|insert into|relation|out of range for type|syntax error)\b|\n\s+at |\.ts:\d+/i;

test("a missing agreement, an id out of range and a non-number answer 404", async ({ pageAs }) => {
  const page = await pageAs("procurement");
  for (const href of ["/agreements/999999", "/agreements/2147483648", "/agreements/99999999999999999999", "/agreements/abc"]) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" }), href).toBeVisible();
    expect(await page.locator("body").innerText(), href).not.toMatch(SQL_OR_STACK);
  }
});

test("a page the buyer may not see answers 403 with the refusal's message", async ({ pageAs }) => {
  const page = await pageAs("procurement");
  for (const href of ["/park", "/park/dashboard", "/agreements/import"]) {
    const response = await page.goto(href);
    expect(response?.status(), href).toBe(403);
    const refusal = page.getByTestId("forbidden");
    await expect(refusal.getByRole("heading", { name: "无权访问" }), href).toBeVisible();
    await expect(refusal.getByText("您没有权限查看此页面。"), href).toBeVisible();
    await expect(refusal.getByRole("link", { name: "返回我的首页" }), href).toHaveAttribute("href", "/home");
  }
});

test("an anonymous visitor on a members-only page gets 401 and a sign-in link back to it", async ({ page }) => {
  const response = await page.goto("/park");
  expect(response?.status()).toBe(401);
  const refusal = page.getByTestId("unauthorized");
  await expect(refusal.getByRole("heading", { name: "请先登录" })).toBeVisible();
  await expect(refusal.getByRole("link", { name: "登录" })).toHaveAttribute("href", "/signin?callbackUrl=%2Fpark");
  // in English too
  const { hostname } = new URL(page.url());
  await page.context().addCookies([{ name: "parklink-locale", value: "en", domain: hostname, path: "/" }]);
  expect((await page.goto("/agreements"))?.status()).toBe(401);
  await expect(page.getByTestId("unauthorized").getByRole("heading", { name: "Please sign in" })).toBeVisible();
});

test("the API answers ids out of range and bad parameters with a status and a message, never SQL", async ({ pageAs }) => {
  const page = await pageAs("park");
  const api = page.request;

  const download = await api.get("/api/agreements/documents/2147483648");
  expect(download.status()).toBe(404);
  expect((await download.json()).error).toEqual({ zh: "未找到文件", en: "File not found" });

  const input = encodeURIComponent(JSON.stringify({ json: { id: 2147483648 } }));
  const trpc = await api.get(`/api/trpc/agreement.byId?input=${input}`);
  expect(trpc.status()).toBe(400);
  const error = (await trpc.json()).error.json;
  expect(error.message).toMatch(/^参数无效：id（.*） \/ Invalid parameter: id \(/);
  expect(JSON.stringify(error)).not.toMatch(SQL_OR_STACK);

  const ledger = await api.get("/api/reports/ledger?from=2024-13-45");
  expect(ledger.status()).toBe(400);
  expect((await ledger.json()).error).toEqual({ zh: "参数无效：from（日期格式应为 YYYY-MM-DD）", en: "Invalid parameter: from (Dates are YYYY-MM-DD)" });

  const park = await api.get("/api/reports/dashboard?park=abc");
  expect(park.status()).toBe(400);
  expect((await park.json()).error.en).toMatch(/^Invalid parameter: park \(/);
});
