import type { TRPCError } from "@trpc/server";

/**
 * The closed set of failures a service may report, and the one table of what each becomes at the
 * edge: its tRPC code (server/api/trpc.ts) and its HTTP status (every route handler, through
 * server/public-error.ts). A code added here must say both, or nothing compiles.
 */
export const APP_ERROR_CODES = {
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404 },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403 },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", http: 401 },
  INVALID: { trpc: "BAD_REQUEST", http: 400 },
  CONFLICT: { trpc: "CONFLICT", http: 409 },
  UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503 },
} as const satisfies Record<string, { trpc: TRPCError["code"]; http: number }>;

export type AppErrorCode = keyof typeof APP_ERROR_CODES;

export interface Bilingual {
  zh: string;
  en: string;
}

/** A failure with a message in Chinese and English; `details` carries e.g. per-row import errors. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly messages: Bilingual,
    readonly details?: unknown,
  ) {
    super(`${messages.en} / ${messages.zh}`);
    this.name = "AppError";
  }
}

export const notFound = (what: Bilingual) =>
  new AppError("NOT_FOUND", { zh: `未找到${what.zh}`, en: `${what.en} not found` });

export const forbidden = () =>
  new AppError("FORBIDDEN", { zh: "您没有权限执行此操作", en: "You are not allowed to do this" });
