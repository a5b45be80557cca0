import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES, messageKeys, translator, validationText } from "./index";

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
  });
});
