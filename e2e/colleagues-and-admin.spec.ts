import { expect, signIn, test, unique } from "./fixtures";

test("an enterprise admin adds a colleague; the platform admin disables the account, which is then refused", async ({ page, pageAs }) => {
  const stamp = unique();
  const email = `colleague-${stamp.toLowerCase()}@example.cn`;

  const enterprise = await pageAs("enterprise");
  await enterprise.goto("/enterprise");
  await enterprise.getByRole("link", { name: "管理企业" }).first().click();
  await enterprise.getByLabel("姓名").fill(`同事${stamp}`);
  await enterprise.getByLabel("邮箱").fill("not-an-email");
  await enterprise.getByLabel("初始密码").fill("colleague-pass-1");
  await enterprise.getByLabel("角色").selectOption({ label: "采购人员" });
  await enterprise.getByRole("button", { name: "添加同事" }).click();
  await expect(enterprise.getByText("邮箱格式不正确")).toBeVisible();
  await enterprise.getByLabel("邮箱").fill(email);
  await enterprise.getByRole("button", { name: "添加同事" }).click();
  await expect(enterprise.getByText(`已添加 ${email}`)).toBeVisible();
  await expect(enterprise.getByRole("cell", { name: email })).toBeVisible();

  // the new colleague signs in on a page of its own
  await signIn(page, email, "colleague-pass-1");
  await expect(page).toHaveURL(/\/procurement$/);
  await page.context().clearCookies();

  const admin = await pageAs("admin");
  await admin.goto("/admin");
  await admin.getByLabel("按姓名或邮箱查找").fill(email);
  await admin.getByRole("button", { name: "搜索" }).click();
  const row = admin.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "停用" }).click();
  await expect(row.getByText("已停用")).toBeVisible();

  await page.goto("/signin");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("colleague-pass-1");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  // refused with the very answer a wrong password gets: nothing tells that the account exists
  await expect(page.getByRole("alert").filter({ hasText: "邮箱" })).toHaveText("邮箱或密码错误，请重试。没有账号或账号已停用，请联系园区管理人员。");
  await expect(page).toHaveURL(/\/signin/);
});

test.describe("the platform admin", () => {
  test.use({ role: "admin" });

  test("creates a park, and a duplicate code is refused", async ({ page }) => {
    const code = `P${unique()}`;
    await page.goto("/admin");
    await page.getByLabel("园区代码").fill(code);
    await page.getByLabel("园区名称").fill(`测试园区${code}`);
    await page.getByRole("button", { name: "新建园区" }).click();
    await expect(page.getByText(`测试园区${code}`)).toBeVisible();
    await page.getByLabel("园区代码").fill(code);
    await page.getByLabel("园区名称").fill("重复园区");
    await page.getByRole("button", { name: "新建园区" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `园区代码 ${code} 已存在` })).toBeVisible();
  });
});
