import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { meiliClient, meiliFailure } from "./client";

/**
 * Meilisearch closes a kept-alive connection after a few idle seconds. A request sent on it as it
 * closes is lost before Meilisearch reads it; the first searches after a quiet spell (such as the
 * first after `npm start`) answered 500. The server below closes a connection whenever a second
 * request arrives on it, which is that race made certain.
 */

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function serve(onRequest: (socket: Socket, servedBefore: boolean, res: http.ServerResponse) => void) {
  const served = new WeakSet<Socket>();
  const seen = { connections: 0, requests: 0 };
  const server = http.createServer((req, res) => {
    seen.requests++;
    const before = served.has(req.socket);
    served.add(req.socket);
    onRequest(req.socket, before, res);
  });
  server.on("connection", () => seen.connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const healthy = (res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json", connection: "keep-alive" });
  res.end(JSON.stringify({ status: "available" }));
};

describe("the client's transport over kept-alive connections", () => {
  it("sends a request once more on a new connection when the kept-alive one was closed under it", async () => {
    const { url, seen } = await serve((socket, before, res) => (before ? socket.destroy() : healthy(res)));
    const client = meiliClient(url, undefined);
    expect((await client.health()).status).toBe("available");
    // the second request goes out on the first one's connection, which the server closes
    expect((await client.health()).status).toBe("available");
    expect(seen).toEqual({ connections: 2, requests: 3 });
  });

  it("does not send again a request whose new connection failed: that is Meilisearch down, for the outbox to retry", async () => {
    const { url, seen } = await serve((socket) => socket.destroy());
    const failure = await meiliClient(url, undefined).health().catch((e: unknown) => e);
    expect(meiliFailure(failure)).toMatchObject({ api: false, code: "ECONNRESET" });
    expect(seen).toEqual({ connections: 1, requests: 1 });
  });
});
