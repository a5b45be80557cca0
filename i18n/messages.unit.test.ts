import fs from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { inBothLanguages, LOCALES, MESSAGES, messageKeys, translator, validationText } from "./index";

/** The message of a dotted key in one language. */
function messageOf(locale: (typeof LOCALES)[number], key: string): string {
  let value: unknown = MESSAGES[locale];
  for (const part of key.split(".")) value = (value as Record<string, unknown>)[part];
  return value as string;
}

/** The argument names of a parsed ICU message, inside plural / select branches too. */
function argumentNames(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    names.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentNames(option.value, names);
    if (element.type === TYPE.tag) argumentNames(element.children, names);
  }
  return names;
}

/** Every source file of the UI and the services, for the keys they use literally. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("message files", () => {
  it("have the same keys in Chinese and English", () => {
    expect(messageKeys(MESSAGES.en).sort()).toEqual(messageKeys(MESSAGES.zh).sort());
  });

  it("are valid ICU messages in both languages, a tag only where the message means one", () => {
    const invalid: string[] = [];
    for (const locale of LOCALES) {
      for (const key of messageKeys(MESSAGES[locale])) {
        try {
          parse(messageOf(locale, key));
        } catch (error) {
          invalid.push(`${locale} ${key}: ${(error as Error).message}`);
        }
      }
    }
    expect(invalid).toEqual([]);
  });

  it("use the same argument names in Chinese and English, so a caller fills both", () => {
    const differing = messageKeys(MESSAGES.zh).flatMap((key) => {
      const zh = [...argumentNames(parse(messageOf("zh", key)))].sort();
      const en = [...argumentNames(parse(messageOf("en", key)))].sort();
      return zh.join() === en.join() ? [] : [`${key}: zh {${zh}} en {${en}}`];
    });
    expect(differing).toEqual([]);
  });

  it("count in English with ICU plurals, never a pseudo-plural like \"supplier(s)\"", () => {
    expect(messageKeys(MESSAGES.en).filter((key) => /\w\((s|es)\)/.test(messageOf("en", key)))).toEqual([]);
    const en = translator("en");
    expect(en("demand.supplier_count", { count: 1 })).toBe("1 supplier");
    expect(en("demand.supplier_count", { count: 5 })).toBe("5 suppliers");
    expect(en("rfq.sent", { count: 1 })).toBe("Request sent to 1 supplier.");
    expect(en("catalogue.licence_missing_summary", { count: 1 })).toBe("1 controlled product has no matching licence on file: ask park staff to record it.");
    expect(en("catalogue.licence_missing_summary", { count: 3 })).toBe("3 controlled products have no matching licence on file: ask park staff to record it.");
    expect(en("search.count", { count: 1234 })).toBe("1,234 products found");
    // texts stored in both languages (notifications, match reasons) count the same way
    expect(inBothLanguages("match_text.new_buyers", { count: 1, product: "丙烯酸" }).en).toBe('1 new purchase demand matches your products, e.g. "丙烯酸"');
    expect(inBothLanguages("match_text.process_buyer", { count: 2 })).toEqual({ zh: "曾签约采购该物质 2 笔", en: "Bought this substance under 2 agreements" });
    expect(en("search.count", { count: 1000 })).toBe("1000+ products found");
    expect(translator("zh")("search.count", { count: 1000 })).toBe("找到 1000+ 个产品");
    expect(translator("zh")("demand.supplier_count", { count: 1 })).toBe("1 家供应商");
    // a number-less branch for nothing yet, in both languages
    expect(en("trust.years_value", { years: 0 })).toBe("Less than a year");
    expect(en("trust.years_value", { years: 1 })).toBe("1 year");
    expect(translator("zh")("trust.short_years", { years: 0 })).toBe("入驻不足 1 年");
    expect(translator("zh")("trust.short_years", { years: 3 })).toBe("入驻 3 年");
  });

  it("switch on a value with ICU select", () => {
    expect(translator("en")("application.empty", { status: "pending" })).toBe("No pending applications");
    expect(translator("zh")("application.empty", { status: "rejected" })).toBe("没有已驳回的入驻申请");
  });

  it("hold every key the code asks for literally", () => {
    const known = new Set(messageKeys(MESSAGES.zh));
    const missing: string[] = [];
    for (const file of [...sourceFiles("app"), ...sourceFiles("server")]) {
      const text = fs.readFileSync(file, "utf8");
      for (const match of text.matchAll(/\bt\("([a-z_]+(?:\.[a-zA-Z0-9_]+)+)"/g)) {
        if (!known.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("fills placeholders and translates validation keys with their limits", () => {
    const zh = translator("zh");
    expect(zh("pagination.status", { page: 2, pages: 5 })).toBe("第 2 / 5 页");
    expect(validationText(zh, "field.too_long?max=120")).toBe("最多 120 个字符");
    expect(validationText(translator("en"), "no.such_key")).toBe("Invalid value");
    // a limit from the query string counts as a number
    expect(validationText(translator("en"), "field.too_many?max=1")).toBe("At most 1 item");
    expect(validationText(translator("en"), "field.too_long?max=120")).toBe("At most 120 characters");
  });

  afterEach(() => vi.restoreAllMocks());

  it("read an unknown key, or a group of keys, as the key itself, quietly", () => {
    const logged = vi.spyOn(console, "error");
    const en = translator("en");
    expect(en("no.such.key")).toBe("no.such.key");
    expect(en("validation.field")).toBe("validation.field");
    expect(en("demand.no_such_message", { count: 2 })).toBe("demand.no_such_message");
    expect(logged).not.toHaveBeenCalled();
  });
});
