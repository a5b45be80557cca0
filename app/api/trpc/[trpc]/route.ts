import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { guardRoute } from "@/server/http/web";

// cross-site calls and oversized bodies are refused before tRPC reads anything (server/http)
const handler = guardRoute((req: Request) =>
  fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext }),
);

export { handler as GET, handler as POST };
