/**
 * The production web server, started by scripts/start.ts: the built Next.js app behind a plain
 * node:http server that answers the search API (`GET /api/search`) itself, before Next.js sees the
 * request. Search is the hottest path, and Next.js's per-request pipeline cost it about 3 ms on
 * top of Meilisearch's 5–12 ms (docs/BENCHMARKS.md); every other request goes to Next.js as
 * `next start` would serve it. Configuration comes from the environment start.ts prepares.
 * Every request passes the guard first (server/http): security headers, the Origin check of state
 * changes, and the body limit (413 before reading, or as soon as a chunked body passes it).
 */
import http from "node:http";
import next from "next";
import { env } from "@/server/env";
import { getDb } from "@/db";
import { PEER_HEADER } from "@/server/auth/client-address";
import { guardNodeRequest } from "@/server/http/node";
import { serveSearch } from "@/server/search/api";

const port = env.PORT;

async function main() {
  const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const db = getDb();
  const guard = {
    limits: { json: env.PARKLINK_MAX_JSON_BODY, upload: env.PARKLINK_MAX_UPLOAD_BODY },
    appUrl: env.NEXTAUTH_URL,
    production: env.NODE_ENV === "production",
  };

  const server = http.createServer((req, res) => {
    // the socket's address, for the sign-in throttle (never what a client claims under this name)
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    if (!guardNodeRequest(req, res, guard)) return;
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/api/search" && req.method === "GET") {
      serveSearch(db, req, res, url);
      return;
    }
    void handle(req, res);
  });
  server.listen(port, () => console.log(`▲ Next.js ready on http://localhost:${port}`));

  // the launcher stops this server with SIGTERM (Ctrl-C reaches the whole process group)
  const stop = () => {
    server.close();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: Error) => {
  console.error(`[parklink] the web server could not start: ${e.message}`);
  process.exit(1);
});
