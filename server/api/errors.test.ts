import { sql } from "drizzle-orm";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { makeEnterprise, makeUser } from "@/server/testing/factories";
import { GENERIC_ERROR, bothLanguages } from "@/server/public-error";
import { appRouter } from "./root";
import { publicProcedure, router } from "./trpc";

type AnyRouter = typeof appRouter | ReturnType<typeof router>;
type Answer = { status: number; message: string; code: string; data: { messages: { zh: string; en: string } | null; zodError: { fieldErrors: Record<string, string[]> } | null } };

/** Calls a procedure as the browser does: through the fetch adapter, so the errorFormatter shapes the answer. */
async function callOverHttp(r: AnyRouter, actor: Actor, path: string, type: "query" | "mutation", input: unknown): Promise<Answer> {
  const encoded = JSON.stringify(superjson.serialize(input));
  const req = type === "query"
    ? new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
    : new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: encoded, headers: { "content-type": "application/json" } });
  const res = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: r, createContext: async () => ({ db: getDb(), actor }) });
  const body = (await res.json()) as { error?: { json: Omit<Answer, "status"> & { data: { code: string } } } };
  if (!body.error) return { status: res.status, message: "", code: "OK", data: { messages: null, zodError: null } };
  return { status: res.status, ...body.error.json, code: body.error.json.data.code };
}

/** Text a client must never see: SQL, database wording, a stack. */
const LEAK = /\b(select|insert into|delete from|update \w+ set|where|returning|relation|violates|out of range for type|syntax error|postgres)\b|\n\s+at |\.ts:\d+|node_modules/i;

// ---- the id fields of every procedure's input, read from the zod schemas of the app router ----

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
/** Where an id sits in an input, and how to build an input with a given value there. */
type IdSpot = { path: string; top: string; build: (value: number) => unknown };

const isIdName = (name: string) => /^(id|ids)$|[a-z](Id|Ids)$/.test(name);

function idSpots(schema: Schema, name = "", fixed: Record<string, unknown> = {}): IdSpot[] {
  const def = schema._zod.def;
  switch (def.type) {
    case "optional": case "nullable": case "default": case "prefault": case "readonly": case "catch": case "nonoptional":
      return idSpots(def.innerType as Schema, name, fixed);
    case "pipe":
      return idSpots(def.in as Schema, name, fixed);
    case "number":
      return isIdName(name) ? [{ path: name, top: name, build: (v) => v }] : [];
    case "array":
      return idSpots(def.element as Schema, name).map((s) => ({ ...s, build: (v) => [s.build(v)] }));
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      return Object.entries(shape).flatMap(([key, child]) =>
        idSpots(child, key).map((s) => ({
          path: name ? `${name}.${s.path}` : s.path,
          top: name || key,
          build: (v: number) => ({ ...fixed, [key]: s.build(v) }),
        })),
      );
    }
    case "union": {
      const discriminator = def.discriminator as string | undefined;
      return (def.options as Schema[]).flatMap((option) => {
        const literal = discriminator ? ((option._zod.def.shape as Record<string, Schema>)[discriminator]!._zod.def.values as unknown[])[0] : undefined;
        return idSpots(option, name, discriminator ? { [discriminator]: literal } : {}).map((s) => ({ ...s, path: `${s.path}${literal ? `[${String(literal)}]` : ""}` }));
      });
    }
    default:
      return [];
  }
}

type Procedure = { _def: { type: "query" | "mutation" | "subscription"; inputs: Schema[] } };
// at run time a flat record by dotted path ("agreement.byId"), whatever its declared type
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
const idProcedures = procedures.flatMap(([path, p]) => {
  const spots = p._def.inputs.flatMap((input) => idSpots(input));
  return spots.length && p._def.type !== "subscription" ? [{ path, type: p._def.type as "query" | "mutation", spots }] : [];
});

describe("every procedure that takes an id rejects one the database cannot hold", () => {
  let actors: [string, Actor][];
  beforeAll(async () => {
    const enterprise = await makeEnterprise();
    actors = [
      ["platform admin", (await makeUser({ admin: true })).actor],
      ["enterprise user", (await makeUser({ enterpriseId: enterprise.id, role: "admin" })).actor],
    ];
  });

  it("finds the id-taking procedures in the router itself", () => {
    const paths = idProcedures.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["agreement.byId", "inquiry.create", "notification.markRead", "report.dashboard", "catalogue.product"]));
    // the probe found 74 procedures taking an id; the walk must not miss a router
    expect(idProcedures.length).toBeGreaterThanOrEqual(60);
  });

  it.each([2_147_483_648, Number.MAX_SAFE_INTEGER, -1, 0, 1.5])("%s answers a named BAD_REQUEST, never a database error", async (bad) => {
    const failures: string[] = [];
    for (const [who, actor] of actors) {
      for (const { path, type, spots } of idProcedures) {
        for (const spot of spots) {
          const answer = await callOverHttp(appRouter, actor, path, type, spot.build(bad));
          const where = `${who} ${path} ${spot.path}=${bad}`;
          if (answer.code !== "BAD_REQUEST") failures.push(`${where}: ${answer.code} ${answer.message}`);
          else if (!answer.data.zodError?.fieldErrors[spot.top]) failures.push(`${where}: the id was not the field refused (${answer.message})`);
          if (LEAK.test(answer.message)) failures.push(`${where}: leaks ${answer.message}`);
          if (answer.message.includes('"code"')) failures.push(`${where}: a zod dump as message`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("the largest id is accepted by the input and answers the procedure's own refusal", async () => {
    const [, admin] = actors[0]!;
    const answer = await callOverHttp(appRouter, admin, "agreement.byId", "query", { id: 2_147_483_647 });
    expect(answer.code).toBe("NOT_FOUND");
    expect(answer.data.messages?.en).toMatch(/not found/i);
  });
});

describe("what a client is told of a failure", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a database error inside a procedure reaches the client as the generic message, and the log keeps it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = router({ boom: publicProcedure.query(({ ctx }) => ctx.db.execute(sql`select * from no_such_table_for_errors_test`)) });
    const { actor } = await makeUser();
    const answer = await callOverHttp(broken, actor, "boom", "query", undefined);
    expect(answer.status).toBe(500);
    expect(answer.code).toBe("INTERNAL_SERVER_ERROR");
    expect(answer.message).toBe(bothLanguages(GENERIC_ERROR));
    expect(answer.data.messages).toEqual(GENERIC_ERROR);
    expect(JSON.stringify(answer)).not.toMatch(/no_such_table|select/i);
    const line = logged.mock.calls.map((c) => c.join(" ")).join("\n");
    expect(line).toContain("no_such_table_for_errors_test");
    expect(line).toMatch(/\n\s+at /); // with its stack
  });

  it("a plain Error thrown by a procedure does not reach the client either", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = router({ boom: publicProcedure.mutation(() => { throw new Error("secret detail at /srv/app/server/x.ts:12"); }) });
    const { actor } = await makeUser();
    const answer = await callOverHttp(broken, actor, "boom", "mutation", {});
    expect(answer.message).toBe(bothLanguages(GENERIC_ERROR));
    expect(JSON.stringify(answer)).not.toContain("secret detail");
  });

  it("a bad date answers a readable sentence naming the parameter, and keeps the field errors for forms", async () => {
    const { actor } = await makeUser({ admin: true });
    const answer = await callOverHttp(appRouter, actor, "report.dashboard", "query", { from: "2024-13-45" });
    expect(answer.code).toBe("BAD_REQUEST");
    expect(answer.message).toBe("参数无效：from（日期格式应为 YYYY-MM-DD） / Invalid parameter: from (Dates are YYYY-MM-DD)");
    expect(answer.data.zodError?.fieldErrors.from).toEqual(["deals.date_invalid"]);
  });
});
