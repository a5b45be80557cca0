import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { createCaller } from "@/server/api/root";
import { makeUser } from "@/server/testing/factories";
import { GENERIC_ERROR } from "@/server/public-error";
import { errorResponse, guarded } from "./error-response";
import { queryParams } from "./query-params";

/** What the report export routes do with their query string, up to the procedure's refusal. */
async function exportDashboard(query: string) {
  const { actor } = await makeUser({ admin: true });
  const { param, parkId } = queryParams(new Request(`http://localhost/api/reports/dashboard?${query}`));
  return guarded("test export", async () => {
    await createCaller({ db: getDb(), actor }).report.exportDashboard({ parkId, from: param("from"), to: param("to") });
    return new Response("ok");
  }, { parkId: "park" })();
}

describe("route handlers' answers to failures", () => {
  it("a bad date in an export's query answers 400 naming the parameter in both languages", async () => {
    const res = await exportDashboard("from=2024-02-31x");
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.zh).toBe("参数无效：from（日期格式应为 YYYY-MM-DD）");
    expect(error.en).toBe("Invalid parameter: from (Dates are YYYY-MM-DD)");
  });

  it.each(["abc", "2147483648", "-3"])("park=%s answers 400 naming `park`, not the input's field", async (park) => {
    const res = await exportDashboard(`park=${park}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.en).toMatch(/^Invalid parameter: park \(/);
    expect(error.zh).toMatch(/^参数无效：park（/);
  });

  it("anything that is not a service's refusal answers 500 with the generic message, logged with its stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(new Error('relation "agreements" does not exist: select * from agreements where id = $1'), "test route");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: GENERIC_ERROR });
    expect(log.mock.calls.flat().join(" ")).toContain('relation "agreements" does not exist');
    log.mockRestore();
  });

  it("a guarded handler that throws answers instead of crashing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await guarded("test route", async () => { throw new TypeError("Cannot read properties of undefined"); })();
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("Cannot read");
    log.mockRestore();
  });
});
