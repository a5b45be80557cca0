import { describe, expect, it } from "vitest";
import { readTable } from "./table";
import { IMPORT_TEMPLATES, templateFile } from "./templates";

describe("import templates", () => {
  it.each(Object.keys(IMPORT_TEMPLATES))("the %s template reads back through its own import format", async (kind) => {
    const file = templateFile(kind)!;
    expect(file.body.startsWith("\uFEFF")).toBe(true);
    const rows = await readTable({ name: file.filename, bytes: Buffer.from(file.body) }, IMPORT_TEMPLATES[kind]!.columns);
    expect(rows).toHaveLength(IMPORT_TEMPLATES[kind]!.example.length);
    for (const column of IMPORT_TEMPLATES[kind]!.columns.filter((c) => c.required)) {
      expect(rows[0]!.values[column.key], column.key).toBeTruthy();
    }
  });

  it("knows no other kinds", () => {
    expect(templateFile("passwords")).toBeNull();
  });
});
