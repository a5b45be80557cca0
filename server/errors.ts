/** The closed set of failures a service may report; trpc.ts maps them to tRPC codes once. */
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "INVALID" | "UNAVAILABLE" | "UNAUTHORIZED";

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

/** The HTTP status of each failure, for routes that answer outside tRPC. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHORIZED: 401, INVALID: 400, CONFLICT: 409, UNAVAILABLE: 503,
};
