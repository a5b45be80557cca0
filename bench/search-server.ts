/**
 * The production server's search fast path alone (scripts/serve.ts without the Next.js app behind
 * it): the same guard and the same `GET /api/search` handler, for benches that measure the search
 * API without building the web app first. Started by bench/scale.ts as a child process with the
 * bench's DATABASE_URL, MEILI_URL, MEILI_MASTER_KEY and PORT; prints "ready" once it listens.
 */
import http from "node:http";
import { getDb } from "@/db";
import { env } from "@/server/env";
import { PEER_HEADER } from "@/server/auth/client-address";
import { guardNodeRequest } from "@/server/http/node";
import { serveSearch } from "@/server/search/api";

const db = getDb();
const guard = { limits: { json: env.PARKLINK_MAX_JSON_BODY, upload: env.PARKLINK_MAX_UPLOAD_BODY }, appUrl: env.NEXTAUTH_URL, production: true };
const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  if (!guardNodeRequest(req, res, guard)) return;
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/api/search" && req.method === "GET") return serveSearch(db, req, res, url);
  res.writeHead(404).end();
});
server.listen(env.PORT, "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => {
  server.close();
  process.exit(0);
});
