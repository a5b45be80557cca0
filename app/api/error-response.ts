import "server-only";
import { publicError } from "@/server/public-error";
import type { Bilingual } from "@/server/errors";

/** A route's bilingual refusal: `{ error: { zh, en } }` with its HTTP status. */
export const refusal = (status: number, error: Bilingual) => Response.json({ error }, { status });

/**
 * A route's answer to any failure (server/public-error.ts): a service's AppError, or a procedure's
 * TRPCError around one, answers its HTTP status with its bilingual message; a rejected parameter
 * 400 naming it (`names` maps an input field to the query parameter, `parkId` → `park`); anything
 * else 500 with the generic message, its text and stack only in the server's log.
 */
export function errorResponse(e: unknown, where = "route", names?: Record<string, string>): Response {
  const { status, messages } = publicError(e, where, names);
  return refusal(status, messages);
}

/**
 * A route handler whose failures all answer through `errorResponse`: no SQL, no stack, no
 * framework error page ever reaches the client from it.
 */
export function guarded<A extends unknown[]>(where: string, handler: (...args: A) => Promise<Response>, names?: Record<string, string>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      return errorResponse(e, where, names);
    }
  };
}
