import AxeBuilder from "@axe-core/playwright";
import type { Page } from "./fixtures";

/**
 * Checks the walk and the search page's states run on a page as it stands: axe, Chinese left in
 * the English UI, sideways scroll on a phone. Each returns its problems, one line each.
 */

/**
 * Serious and critical axe findings (WCAG 2.1 A and AA), one line each: rule, count, first
 * element. `colours: false` leaves out colour contrast, the slowest rule, where it was already run
 * on the same page at the other width (colours do not change with the width). axe runs in the page
 * itself (legacy mode): the default opens a blank page per run to merge the frames' results, and
 * our pages have no frames.
 */
export async function seriousAxe(page: Page, { colours = true } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode().withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] });
  const { violations } = await (colours ? builder : builder.disableRules(["color-contrast"])).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `axe ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.html.slice(0, 160)}`);
}

/** Chinese text in the English UI outside user content (`translate="no"`) and `lang="zh"` labels, in text and in labels. */
export async function chineseOutsideUserContent(page: Page): Promise<string[]> {
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
    return [...new Set(found)].slice(0, 8).map((f) => `Chinese in the English UI: ${f}`);
  });
}

/** Whether the page scrolls sideways, and the elements that stick out past the screen's edge. */
export async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const edge = root.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const x = getComputedStyle(e).overflowX;
        if (x === "auto" || x === "scroll" || x === "hidden" || x === "clip") return true;
      }
      return false;
    };
    const culprits = [...document.body.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > edge + 1 && !scrolls(e.parentElement))
      .filter((e, _, all) => !all.some((o) => o !== e && o.contains(e)))
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") ?? ""}"> ${(e.textContent ?? "").trim().slice(0, 40)}`);
    return [`scrolls sideways: ${root.scrollWidth} px > ${edge} px; ${culprits.join(" | ")}`];
  });
}
