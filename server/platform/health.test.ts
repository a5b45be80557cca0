import net from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/db";
import { getMeili } from "@/server/search/client";
import { databaseConfig } from "@/db/env";
import { checkHealth, healthResponse } from "./health";

/**
 * A database that accepts connections and never answers (a frozen PostgreSQL looks exactly like
 * this from the client): the health check still answers, and says `down`; a connection attempt
 * fails after the connect timeout; a statement that runs too long is cancelled by the server.
 */
let blackHole: net.Server;
const sockets = new Set<net.Socket>();
let silentUrl: string;

beforeAll(async () => {
  blackHole = net.createServer((socket) => {
    sockets.add(socket); // read nothing, write nothing
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  silentUrl = `postgres://postgres:secret@127.0.0.1:${(blackHole.address() as net.AddressInfo).port}/parklink`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

describe("health against a database that does not answer", () => {
  it("answers down, with HTTP 503, while search is fine", async () => {
    const { db, close } = createDb(silentUrl, { connectTimeoutS: 60 });
    try {
      const health = await checkHealth(db, getMeili, 3000);
      expect(health.status).toBe("down");
      expect(health.database).toMatchObject({ ok: false, error: expect.stringContaining("no answer") });
      expect(health.search.ok).toBe(true);

      const response = await healthResponse(db, getMeili, 3000);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "down", database: { ok: false }, search: { ok: true } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await close();
    }
  });

  it("reads ok against the real database", async () => {
    const { db, close } = createDb(databaseConfig().url!);
    try {
      const response = await healthResponse(db, getMeili);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true }, search: { ok: true } });
    } finally {
      await close();
    }
  });
});

describe("database timeouts", () => {
  it("a connection the database never answers fails with the connect timeout instead of hanging", async () => {
    const { db, close } = createDb(silentUrl, { connectTimeoutS: 1 });
    try {
      await expect(db.execute(sql`SELECT 1`)).rejects.toMatchObject({ cause: { code: "CONNECT_TIMEOUT" } });
    } finally {
      await close();
    }
  });

  it("a statement running past the statement timeout is cancelled with an error", async () => {
    const { db, close } = createDb(databaseConfig().url!, { statementTimeoutMs: 200 });
    try {
      // 57014: query_canceled ("canceling statement due to statement timeout")
      await expect(db.execute(sql`SELECT pg_sleep(20)`)).rejects.toMatchObject({ cause: { code: "57014" } });
      // the connection is still usable afterwards
      expect(await db.execute(sql`SELECT 1 AS one`)).toEqual([{ one: 1 }]);
    } finally {
      await close();
    }
  });

  it("every connection of the app's pool carries the configured statement timeout", async () => {
    const { db, close } = createDb(databaseConfig().url!); // defaults from DATABASE_STATEMENT_TIMEOUT
    try {
      const [row] = await db.execute<{ ms: string }>(sql`SELECT setting AS ms FROM pg_settings WHERE name = 'statement_timeout'`);
      expect(Number(row!.ms)).toBe(30_000);
    } finally {
      await close();
    }
  });
});
