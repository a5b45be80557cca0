import { expect, test, type Page } from "./fixtures";

/**
 * The English ledger and allocation pages with rows in them: industry chains, substances, lists
 * and parks in English, and no Chinese outside names and user content (`translate="no"`,
 * `lang="zh…"`), the same rule as the page walk (e2e/every-page.spec.ts).
 */

/** Chinese text (and Chinese in labels) outside user content, as the page walk finds it. */
async function chineseOutsideUserContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
    const exempt = (el: Element | null) => !el || Boolean(el.closest('[translate="no"], [lang^="zh"], title, script, style, noscript, template'));
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? "";
      if (HAN.test(text) && !exempt(n.parentElement)) found.push(`"${text.trim().slice(0, 40)}" in <${n.parentElement!.tagName.toLowerCase()}>`);
    }
    for (const el of document.body.querySelectorAll("[placeholder], [aria-label], [title], [alt]")) {
      for (const attr of ["placeholder", "aria-label", "title", "alt"]) {
        const value = el.getAttribute(attr);
        if (value && HAN.test(value) && !exempt(el)) found.push(`${attr}="${value.slice(0, 40)}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    return [...new Set(found)];
  });
}

/** Anthracene (精蒽): on the dictionary with an English name, made by no enterprise of the demo park. */
const CAS = "120-12-7";

test("the English ledger and allocation pages, with rows in them, show chains, substances and lists in English", async ({ pageAs, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  // the demo supplier (江苏滨江精细化工有限公司, chain 精细化工) needs a substance no one in its park makes: a chain gap
  const supplier = await pageAs("enterprise");
  const me = await (await supplier.request.get("/api/trpc/user.me")).json();
  const enterpriseId: number = me.result.data.json.enterprise.id;
  const lookup = await supplier.request.get(`/api/trpc/substance.lookup?input=${encodeURIComponent(JSON.stringify({ json: { q: CAS } }))}`);
  const english: string = (await lookup.json()).result.data.json[0].nameEn;
  expect(english).toMatch(/^[^\u3400-\u9fff]+$/);
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const created = await supplier.request.post("/api/trpc/demand.create", {
    headers: { Origin: origin },
    data: { json: { enterpriseId, cas: CAS, substanceName: "精蒽", quantity: 12, expiresOn } },
  });
  expect(created.status()).toBe(200);
  const demandId: number = (await created.json()).result.data.json.id;

  try {
    const park = await pageAs("park");
    await park.context().addCookies([{ name: "parklink-locale", value: "en", url: origin }]);
    await park.setViewportSize({ width: 390, height: 844 });

    await park.goto("/park/allocation");
    await expect(park.getByRole("heading", { level: 1, name: "Park allocation" })).toBeVisible();
    const gap = park.getByRole("region", { name: "Chain gaps" }).first().getByRole("row").filter({ hasText: CAS });
    await expect(gap).toContainText(english);
    await expect(gap).toContainText("Fine chemicals");
    await expect(gap).toContainText("No supplier in the park");
    expect(await chineseOutsideUserContent(park)).toEqual([]);

    // the demo's deliveries of controlled substances
    await park.goto("/park/ledger");
    const rows = park.getByRole("table", { name: "Flow ledger of controlled substances" }).getByRole("row");
    await expect(rows.nth(1)).toBeVisible();
    await expect(rows.nth(1)).toContainText(/Highly toxic|Explosive precursor|Drug precursor/);
    expect(await chineseOutsideUserContent(park)).toEqual([]);
    // the park's English name in the filter
    await expect(park.locator("select#park")).not.toContainText(/[\u3400-\u9fff]/);
  } finally {
    await supplier.request.post("/api/trpc/demand.close", { headers: { Origin: origin }, data: { json: { id: demandId } } });
  }
});
