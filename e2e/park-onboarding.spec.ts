import { expect, freshUscc, signIn, test, unique } from "./fixtures";

test.describe("park staff onboard enterprises", () => {
  test.use({ role: "park" });

  test("they import the directory, see the rejected row, and the good rows land", async ({ page }) => {
    const good = freshUscc();
    const name = `导入测试化工有限公司${unique()}`;
    await page.goto("/park");
    await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles({
      name: "directory.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`统一社会信用代码,企业名称,园区代码,产业链\n${good},${name},BJHG,精细化工\n91320600MA1XXXXXX0,校验位错误有限公司,BJHG,\n`),
    });
    await expect(page.getByText("directory.csv")).toBeVisible();
    await page.getByRole("button", { name: "开始导入" }).click();
    const result = page.getByTestId("import-result");
    await expect(result).toContainText("新增 1 条");
    await expect(result).toContainText("拒绝 1 条");
    await expect(result.getByRole("row").filter({ hasText: "统一社会信用代码无效" })).toContainText("3");
    await page.goto(`/enterprises?q=${good}`);
    await expect(page.getByRole("link", { name })).toBeVisible();
  });

  test("they register an enterprise with its first user, who signs in as its admin", async ({ page, pageAs }) => {
    const stamp = unique();
    const email = `first-${stamp.toLowerCase()}@example.cn`;
    await page.goto("/park");
    await page.getByLabel("统一社会信用代码").fill("91320600MA1XXXXXX0");
    await page.getByLabel("企业名称").fill(`新入园化学有限公司${stamp}`);
    await page.getByRole("button", { name: "登记企业" }).click();
    await expect(page.getByText("统一社会信用代码无效")).toBeVisible();

    await page.getByLabel("统一社会信用代码").fill(freshUscc());
    await page.getByLabel("同时为该企业开通首个账号").check();
    await page.getByLabel("姓名").fill("首位管理员");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("初始密码").fill("first-password-1");
    await page.getByRole("button", { name: "登记企业" }).click();
    await expect(page.getByText(`已登记 新入园化学有限公司${stamp}`)).toBeVisible();

    // the new admin signs in on a page of its own
    const admin = await pageAs("visitor");
    await signIn(admin, email, "first-password-1");
    await expect(admin).toHaveURL(/\/enterprise$/);
    await expect(admin.getByText(`新入园化学有限公司${stamp}`).first()).toBeVisible();
  });
});
