import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES } from "@/db/schema";
import { appRouter } from "@/server/api/root";
import { env } from "@/server/env";
import { UPLOAD_PROCEDURES } from "./security";

/**
 * The longest string a procedure's input admits anywhere, among those with a maximum length
 * (formats such as dates and enums bound themselves; ids and short texts are another check's).
 */
function longestString(schema: z.ZodType): number {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  let longest = 0;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n.type === "string" && typeof n.maxLength === "number") longest = Math.max(longest, n.maxLength);
    Object.values(n).forEach(walk);
  };
  walk(json);
  return longest;
}

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { inputs: z.ZodType[] } }> }).procedures,
).map(([path, p]) => ({ path, longest: Math.max(0, ...p._def.inputs.map(longestString)) }));

describe("the upload limit's procedures", () => {
  it("are exactly the calls whose input admits more than the JSON body limit", () => {
    expect(procedures.length).toBeGreaterThan(50);
    const large = procedures.filter((p) => p.longest > env.PARKLINK_MAX_JSON_BODY / 2).map((p) => p.path).sort();
    expect(large).toEqual([...UPLOAD_PROCEDURES].sort());
  });

  it("fit in the default upload limit with their largest file, as base64", () => {
    const largestFile = Math.max(MAX_IMPORT_BYTES, MAX_DOCUMENT_BYTES);
    for (const p of procedures.filter((x) => UPLOAD_PROCEDURES.has(x.path))) {
      expect(p.longest, p.path).toBeLessThan(env.PARKLINK_MAX_UPLOAD_BODY - 64 * 1024);
    }
    expect(Math.ceil((largestFile * 4) / 3)).toBeLessThan(env.PARKLINK_MAX_UPLOAD_BODY);
  });
});
