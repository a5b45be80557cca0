import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/next-auth";
import { guardRoute } from "@/server/http/web";

// cross-site posts and oversized bodies are refused before next-auth reads them (server/http)
const handler = guardRoute(NextAuth(authOptions));

export { handler as GET, handler as POST };
