import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messageWith } from "@/app/_components/user-text";
import { translator, type Locale } from "@/i18n";
import type { Notice } from "@/server/notifications/notification.service";
import { noticeMessage, storedTextParts } from "./notice-text";

const render = (kind: string, notice: Notice, locale: Locale) => {
  const message = noticeMessage(kind, notice, locale);
  if (!message) return null;
  return renderToStaticMarkup(createElement("p", null, messageWith(translator(locale), message.key, message.content, message.vars)));
};

describe("a notice in the reader's language, from its kind and values", () => {
  const suppliers = (count: number, nameEn: string | null): Notice => ({
    zh: "需求「异丙醇 100 吨」有 2 个新的供应候选", en: "2 new supply candidate(s) for your demand \"异丙醇\"",
    values: { count, substance: { name: "异丙醇", cas: "67-63-0", nameEn }, quantity: { value: 100, unit: "t" } },
  });

  it("names the substance by the dictionary's English name in English, with real plural forms", () => {
    expect(render("match.suppliers", suppliers(2, "Isopropanol"), "en")).toBe("<p>2 new supply candidates for your demand for Isopropanol (100 t)</p>");
    expect(render("match.suppliers", suppliers(1, "Isopropanol"), "en")).toBe("<p>1 new supply candidate for your demand for Isopropanol (100 t)</p>");
    expect(render("match.suppliers", suppliers(2, "Isopropanol"), "zh")).toBe('<p>需求「<span translate="no">异丙醇</span> 100 吨」有 2 个新的供应候选</p>');
  });

  it("keeps a substance without an English name, and product names, as typed, marked as user content", () => {
    expect(render("match.suppliers", suppliers(3, null), "en")).toBe('<p>3 new supply candidates for your demand for <span translate="no">异丙醇</span> (100 t)</p>');
    const buyers: Notice = { zh: "…", en: "…", values: { count: 1, names: { product: "工业级丙酮" } } };
    expect(render("match.buyers", buyers, "en")).toBe('<p>1 new purchase demand matches your products, e.g. “<span translate="no">工业级丙酮</span>”</p>');
    expect(render("match.buyers", { ...buyers, values: { count: 4, names: { product: "工业级丙酮" } } }, "en")).toContain("4 new purchase demands match");
    expect(render("match.blocked", { zh: "…", en: "…", values: { names: { product: "工业级丙酮" } } }, "en")).toMatch(/^<p>Your “<span translate="no">工业级丙酮<\/span>” matches/);
  });

  it("leaves a notice stored without values, or of another kind, to its stored text", () => {
    expect(noticeMessage("match.buyers", { zh: "旧", en: "old" }, "en")).toBeNull();
    expect(noticeMessage("inquiry.created", { zh: "新询价", en: "New inquiry", values: { names: { subject: "x" } } }, "en")).toBeNull();
  });

  it("marks the Chinese runs of a stored English text as user content, and leaves Chinese text whole", () => {
    expect(storedTextParts("交易测试化工有限公司MX1 quoted CNY 1.3 M for “丙酮 AR”", "en")).toEqual([
      { text: "交易测试化工有限公司MX1", user: true }, { text: " quoted CNY 1.3 M for “", user: false }, { text: "丙酮", user: true }, { text: " AR”", user: false },
    ]);
    expect(storedTextParts("新询价：丙酮", "zh")).toEqual([{ text: "新询价：丙酮", user: false }]);
  });
});
