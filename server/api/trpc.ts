import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { z } from "@/server/zod";
import { getDb, type Db } from "@/db";
import { headers } from "next/headers";
import type { Actor } from "@/server/auth/actor";
import { clientAddress } from "@/server/auth/client-address";
import { env } from "@/server/env";
import { getRequestActor } from "@/server/auth/next-auth";
import { APP_ERROR_CODES, AppError } from "@/server/errors";
import { bothLanguages, publicError } from "@/server/public-error";

export interface Context {
  db: Db;
  actor: Actor;
  /** the client's address (server/auth/client-address.ts), for limits on anonymous writes; "unknown" when not known */
  address?: string;
}

export async function createContext(): Promise<Context> {
  return { db: getDb(), actor: await getRequestActor(), address: clientAddress(await headers(), env.PARKLINK_TRUST_PROXY) };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    const app = error.cause instanceof AppError ? error.cause : null;
    // Never a database error's or a crash's own text: a rejected input is named, anything that is
    // not a service's AppError gets a fixed message, and the unexpected ones are logged here.
    const shown = app ? null : publicError(error, `tRPC ${path ?? "?"}`);
    return {
      ...shape,
      message: shown ? bothLanguages(shown.messages) : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        /** the bilingual message a user sees (for a rejected input: see zodError) */
        messages: app?.messages ?? (shown && !(error.cause instanceof ZodError) ? shown.messages : null),
        details: app?.details ?? null,
        /** field errors of a rejected input; their messages are keys of the message files */
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

/** Maps the services' AppError to tRPC codes (server/errors.ts), once, for every procedure. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: APP_ERROR_CODES[cause.code].trpc, message: cause.messages.en, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.userId && !ctx.actor.platformAdmin) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Please sign in first",
      cause: new AppError("UNAUTHORIZED", { zh: "请先登录", en: "Please sign in first" }),
    });
  }
  return next();
});
