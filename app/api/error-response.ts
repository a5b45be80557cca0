import "server-only";
import { TRPCError } from "@trpc/server";
import { AppError } from "@/server/errors";

const STATUS: Record<string, number> = {
  NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, INVALID: 400, BAD_REQUEST: 400, CONFLICT: 409, UNAVAILABLE: 503, SERVICE_UNAVAILABLE: 503,
};

/**
 * A route's answer to a failure the services report (an AppError, or a procedure's TRPCError):
 * `{ error: { zh, en } }` with its HTTP status. Anything else is a bug and stays one.
 */
export function errorResponse(e: unknown, details?: unknown): Response {
  const app = e instanceof AppError ? e : e instanceof TRPCError && e.cause instanceof AppError ? e.cause : null;
  if (app) return Response.json({ error: app.messages, ...(details === undefined ? {} : { details }) }, { status: STATUS[app.code] ?? 400 });
  if (e instanceof TRPCError) return Response.json({ error: { zh: e.message, en: e.message } }, { status: STATUS[e.code] ?? 400 });
  throw e;
}
