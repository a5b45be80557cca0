import { demoAccount, expect, signIn, test, type Page } from "./fixtures";

/**
 * The web server's protections, seen from a browser: security headers on pages and API answers,
 * a Content-Security-Policy that stops inline script without the page's nonce and breaks no page,
 * enterprise names shown as text in the dashboard's chart tooltips (a stored XSS once), cross-site
 * state changes refused, and oversized bodies refused before they are read.
 */

/** A valid unified social credit code, different on every run. */
function freshUscc(): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = "91320600MA1";
  for (let i = 0; i < 6; i++) body += alphabet[Math.floor(Math.random() * alphabet.length)];
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

async function usccOf(page: Page, name: string): Promise<string> {
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).first().click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  return (await page.locator("dd.font-mono").first().textContent())!.trim();
}

/** Records every CSP violation the page reports, from its first script on. */
async function watchCsp(page: Page) {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))];
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP and the security headers; API answers the headers", async ({ request }) => {
    const first = await request.get("/signin");
    const second = await request.get("/signin");
    expect(first.status()).toBe(200);
    const policy = first.headers()["content-security-policy"]!;
    expect(policy).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
      expect(policy).toContain(directive);
    }
    const nonce = (p: string) => /'nonce-([^']+)'/.exec(p)![1];
    expect(nonce(second.headers()["content-security-policy"]!)).not.toBe(nonce(policy));
    // Next.js puts the response's nonce on its own scripts
    expect(await first.text()).toContain(`nonce="${nonce(policy)}"`);

    // the search API is answered by scripts/serve.ts ahead of Next.js; tRPC and health by Next.js
    for (const path of ["/signin", "/api/search?q=%E5%BC%82%E4%B8%99%E9%86%87", "/api/health", "/api/trpc/user.me"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      // the e2e app runs the production server (NODE_ENV=production)
      expect(headers["strict-transport-security"], path).toMatch(/max-age=\d+/);
    }
  });

  test("the CSP stops inline script without the nonce and no main page violates it", async ({ page }) => {
    const violations = await watchCsp(page);
    await signIn(page, demoAccount("park").email); // the sign-in form works: its scripts ran
    for (const path of ["/", "/search?q=%E5%BC%82%E4%B8%99%E9%86%87", "/park", "/park/dashboard", "/agreements", "/notifications"]) {
      const response = await page.goto(path);
      expect(response?.headers()["content-security-policy"], path).toContain("'nonce-");
      await page.waitForLoadState("networkidle");
      expect(await violations(), path).toEqual([]);
    }
    // the dashboard's charts are drawn in the browser: the page's scripts run under the policy
    await page.goto("/park/dashboard");
    await expect(page.getByRole("img", { name: "企业间供应流向" }).locator("svg")).toBeVisible();
    expect(await violations()).toEqual([]);

    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
      // what an injection would add: an inline script and an inline event handler
      const script = document.createElement("script");
      script.textContent = "window.__inlineScript = 1";
      document.body.appendChild(script);
      document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image.png" onerror="window.__inlineHandler = 1" alt="">');
      await new Promise<void>((resolve) => {
        const check = () => (seen.length >= 2 ? resolve() : setTimeout(check, 50));
        check();
      });
      // the same script with the page's nonce runs: it is the policy that decides
      const nonced = document.createElement("script");
      nonced.nonce = (document.querySelector("script[nonce]") as HTMLScriptElement).nonce;
      nonced.textContent = "window.__noncedScript = 1";
      document.body.appendChild(nonced);
      return { inlineScript: w.__inlineScript, inlineHandler: w.__inlineHandler, nonced: w.__noncedScript, seen };
    });
    expect(outcome.inlineScript).toBeUndefined();
    expect(outcome.inlineHandler).toBeUndefined();
    expect(outcome.nonced).toBe(1);
    expect(outcome.seen).toEqual(expect.arrayContaining(["script-src-elem", "script-src-attr"]));
  });
});

test("an enterprise named like a script shows as text in the dashboard's chart tooltips", async ({ pageAs }) => {
  const page = await pageAs("park");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const stamp = Date.now() % 1_000_000;
  // the stamp first: the chart's node labels are cut to their width, and the spec finds the label by it
  const hostile = `${stamp}<img src=x onerror="window.__xss=1;alert(1)">`;
  const uscc = freshUscc();

  // park staff register the enterprise in their park, then record an agreement it signed
  await page.goto("/park");
  await page.getByLabel("统一社会信用代码").fill(uscc);
  await page.getByLabel("企业名称").fill(hostile);
  await page.getByRole("button", { name: "登记企业" }).click();
  await expect(page.getByText(`已登记 ${hostile}`)).toBeVisible();
  const buyer = await usccOf(page, "江苏中润树脂有限公司");
  await page.goto("/agreements/import");
  const csv = [
    "协议编号,协议类型,协议名称,采购方信用代码,供应方信用代码,CAS号,产品,约定量(吨),金额(元),签约日期,签约活动",
    `XSS-${stamp},供货合同,看板转义,${buyer},${uscc},67-63-0,异丙醇,100,90000000,2025-11-20,`,
  ].join("\n");
  await page.getByLabel("选择文件（CSV 或 XLSX）").setInputFiles({ name: "xss.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "开始导入" }).click();
  await expect(page.getByTestId("import-result")).toContainText("新增 1 条");

  await page.goto("/park/dashboard");
  // the supply-flow chart (its accessible name is ECharts' own description of it): the svg holding the name's label
  const flows = page.locator("svg").filter({ has: page.locator("text").filter({ hasText: String(stamp) }) }).first();
  const label = flows.locator("text").filter({ hasText: String(stamp) }).first();
  await expect(label).toBeVisible();
  const tooltip = page.locator(".chart-tooltip").filter({ hasText: String(stamp) });

  // count every element a tooltip ever gets (none may come from a name)
  await page.evaluate(() => {
    const w = window as unknown as { __tooltipElements: string[] };
    w.__tooltipElements = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n instanceof Element && n.parentElement?.closest(".chart-tooltip")) w.__tooltipElements.push(n.tagName.toLowerCase());
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  // hover the enterprise's node, then sweep the whole chart: every node and flow
  await label.hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(hostile);
  expect(await tooltip.locator("img").count()).toBe(0);
  const centres = await flows.locator("path").evaluateAll((shapes) =>
    shapes.map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
  );
  for (const c of centres) await page.mouse.move(c.x, c.y);
  await label.hover();
  await expect(tooltip).toContainText(hostile);

  expect(await page.locator(".chart-tooltip img").count()).toBe(0);
  const elements = await page.evaluate(() => (window as unknown as { __tooltipElements: string[] }).__tooltipElements);
  expect(elements.length).toBeGreaterThan(0); // the sweep showed tooltips
  expect(elements.filter((tag) => !["div", "span", "br"].includes(tag))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe("state changes", () => {
  test("a cross-site post to tRPC is refused; the app's own origin is not", async ({ pageAs, baseURL }) => {
    // a session of its own: it signs out at the end, which must not revoke the park role's shared one
    const page = await pageAs("visitor");
    await signIn(page, demoAccount("park").email);
    const own = new URL(baseURL!).origin;
    const url = "/api/trpc/notification.markRead";

    // the probe's request: a multipart form from another site, with the user's cookies
    const crossSite = await page.request.post(url, { headers: { Origin: "https://evil.example" }, multipart: { ids: "1" } });
    expect(crossSite.status()).toBe(403);
    expect((await crossSite.json()).error).toMatchObject({ zh: expect.stringContaining("其他网站"), en: expect.stringContaining("another site") });
    const viaReferer = await page.request.post(url, { headers: { Referer: "https://evil.example/page" }, data: { json: { ids: [2147483000] } } });
    expect(viaReferer.status()).toBe(403);

    const sameSite = await page.request.post(url, { headers: { Origin: own }, data: { json: { ids: [2147483000] } } });
    expect(sameSite.status()).toBe(200);

    // signing out (a next-auth POST from the app's own page) still works
    await page.goto("/signout");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await expect.poll(async () => (await page.request.get("/api/auth/session")).json()).toEqual({});
  });

  test("a body over the limit is refused with 413 before it is read", async ({ pageAs, baseURL }) => {
    const page = await pageAs("park");
    const tooLarge = await page.request.post("/api/trpc/notification.markRead", {
      headers: { Origin: new URL(baseURL!).origin, "content-type": "application/json" },
      data: JSON.stringify({ json: { pad: "x".repeat(2 * 1024 * 1024) } }),
    });
    expect(tooLarge.status()).toBe(413);
    expect((await tooLarge.json()).error).toMatchObject({ zh: expect.stringContaining("过大"), en: expect.stringContaining("too large") });
  });
});
