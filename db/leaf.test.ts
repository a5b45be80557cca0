import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `db/` is the bottom layer: schema, migrations, the pool. It imports nothing of the application
 * (server/, app/, i18n/), and the schema files import one another without a cycle.
 */

const root = path.resolve(import.meta.dirname);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" || entry.name === "reference" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe("db/", () => {
  it("imports nothing from server/, app/ or i18n/", () => {
    const outside = sources(root).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^@\/(server|app|i18n)\b/.test(spec) || (spec.startsWith(".") && !path.resolve(path.dirname(file), spec).startsWith(root)))
        .map((spec) => `${path.relative(root, file)} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it("has a schema whose files import one another without a cycle", () => {
    const dir = path.join(root, "schema");
    const graph = new Map(fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => [
      f.replace(/\.ts$/, ""),
      importsOf(path.join(dir, f)).filter((s) => s.startsWith("./")).map((s) => s.slice(2)),
    ]));
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node)) {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(" → "));
        return;
      }
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
