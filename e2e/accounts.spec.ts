import { DEMO_ACCOUNTS, demoAccount, expect, signIn, test, unique } from "./fixtures";

/** Signing in and out itself: these tests go through the sign-in page, each with a session of its own. */

test.describe("accounts and roles", () => {
  const homes = { enterprise: "/enterprise", procurement: "/procurement", park: "/park", admin: "/admin" } as const;

  for (const account of DEMO_ACCOUNTS) {
    test(`the ${account.kind} demo account signs in and lands on its home`, async ({ page }) => {
      await signIn(page, account.email);
      await expect(page).toHaveURL(new RegExp(`${homes[account.kind]}$`));
      await expect(page.getByTestId("signed-in-user")).toHaveText(account.name);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill(demoAccount("procurement").email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "密码错误" })).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("an unknown user gets the very answer a wrong password gets", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill("nobody@parklink.demo");
    await page.getByLabel("密码").fill("whatever-password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    // the same words, whole, as for a wrong password: nothing tells whether the account exists
    await expect(page.getByRole("alert").filter({ hasText: "邮箱" })).toHaveText("邮箱或密码错误，请重试。没有账号或账号已停用，请联系园区管理人员。");
  });

  test("repeated failures are throttled: the page says how long to wait", async ({ page }) => {
    const email = `throttle-page-${unique()}@parklink.demo`;
    await page.goto("/signin");
    await page.getByLabel("邮箱").fill(email);
    const alert = page.getByRole("alert").filter({ hasText: /登录|邮箱/ });
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("密码").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await expect(alert).toHaveText(i < 5 ? /邮箱或密码错误/ : /登录失败次数过多，请 \d+ 秒后再试/);
      await expect(page.getByRole("button", { name: "登录", exact: true })).toBeEnabled();
    }
  });

  test("a throttled credentials POST is answered 429 with Retry-After", async ({ request, baseURL }) => {
    const email = `throttle-http-${unique()}@parklink.demo`;
    const attempt = async () => {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      return request.post("/api/auth/callback/credentials", {
        headers: { origin: baseURL! },
        form: { csrfToken, email, password: "not-the-password", json: "true" },
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt()).status()).toBe(401);
    const throttled = await attempt();
    expect(throttled.status()).toBe(429);
    expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);
    expect((await throttled.json()).url).toMatch(/error=throttled%3A\d+/);
  });

  test("signing out returns to the public home, and a copy of the session cookie no longer signs in", async ({ page }) => {
    await signIn(page, demoAccount("park").email); // a session of its own: the shared one stays signed in
    const copied = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    expect(copied.length).toBeGreaterThan(0);
    await page.getByRole("link", { name: "退出" }).click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
    // the cookie copied before signing out is put back: the session it names is revoked
    await page.context().addCookies(copied);
    await page.goto("/park");
    await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
  });
});

test.describe("a signed-in enterprise user", () => {
  test.use({ role: "enterprise" });

  test("is refused another enterprise's private page", async ({ page }) => {
    // the user's own private page opens
    await page.goto("/enterprise");
    await page.getByRole("link", { name: "管理企业" }).first().click();
    await expect(page).toHaveURL(/\/enterprises\/\d+\/manage$/);
    const own = Number(/\/enterprises\/(\d+)\/manage/.exec(page.url())![1]);
    // another enterprise's is refused
    await page.goto("/enterprises?q=中润树脂");
    await page.getByRole("link", { name: /中润树脂/ }).first().click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    const other = Number(/\/enterprises\/(\d+)/.exec(page.url())![1]);
    expect(other).not.toBe(own);
    await page.goto(`/enterprises/${other}/manage`);
    await expect(page.getByTestId("forbidden")).toContainText("无权访问");
    await expect(page.getByLabel("企业名称")).toHaveCount(0);
  });
});

test.describe("public pages", () => {
  test("the home page explains the platform in Chinese with live figures, and switches to English", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("内部配套");
    const enterprises = page.getByTestId("stat-企业");
    await expect(enterprises).toHaveText(/^\d+$/);
    expect(Number(await enterprises.textContent())).toBeGreaterThanOrEqual(30);
    await page.getByRole("button", { name: "English", exact: true }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("in-park partners first");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("the health endpoint reports database and search up", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.ok()).toBe(true);
    const body = await res.json();
    expect(body).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
  });

  test("the directory pages through enterprises and filters by park", async ({ page }) => {
    await page.goto("/enterprises");
    await expect(page.getByText(/共 \d+ 家企业/)).toBeVisible();
    await page.getByLabel("园区").selectOption({ label: "临港新材料产业园" });
    await page.getByRole("button", { name: "查找企业" }).click();
    await expect(page).toHaveURL(/park=\d+/);
    await expect(page.getByRole("listitem").filter({ hasText: "临港新材料产业园" }).first()).toBeVisible();
  });
});
