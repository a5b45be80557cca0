import "server-only";
import { TRPCError } from "@trpc/server";
import { AppError, HTTP_STATUS } from "@/server/errors";

/** tRPC's codes that procedures raise themselves */
const TRPC_STATUS: Record<string, number> = { ...HTTP_STATUS, BAD_REQUEST: 400, SERVICE_UNAVAILABLE: 503 };

/**
 * A route's answer to a failure the services report (an AppError, or a procedure's TRPCError):
 * `{ error: { zh, en } }` with its HTTP status. Anything else is a bug and stays one.
 */
export function errorResponse(e: unknown): Response {
  const app = e instanceof AppError ? e : e instanceof TRPCError && e.cause instanceof AppError ? e.cause : null;
  if (app) return Response.json({ error: app.messages }, { status: HTTP_STATUS[app.code] });
  if (e instanceof TRPCError) return Response.json({ error: { zh: e.message, en: e.message } }, { status: TRPC_STATUS[e.code] ?? 400 });
  throw e;
}
