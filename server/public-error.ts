import { inspect } from "node:util";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { translator, validationText } from "@/i18n";
import { APP_ERROR_CODES, AppError, type Bilingual } from "./errors";

/**
 * What a client is told of a failure that is not one the services report: never the error's own
 * text (a database error carries its SQL, a crash its stack). The error itself goes to the log.
 */
export const GENERIC_ERROR: Bilingual = { zh: "服务器出错，请稍后再试", en: "Something went wrong; please try again" };

/** tRPC's own refusals (an unknown procedure, a body that is not JSON, …), by code. */
const BY_CODE: Partial<Record<TRPCError["code"], Bilingual>> = {
  BAD_REQUEST: { zh: "请求无效", en: "Bad request" },
  PARSE_ERROR: { zh: "请求无效", en: "Bad request" },
  NOT_FOUND: { zh: "未找到", en: "Not found" },
  METHOD_NOT_SUPPORTED: { zh: "不支持此请求方式", en: "Method not supported" },
  PAYLOAD_TOO_LARGE: { zh: "请求内容过大", en: "Request too large" },
  UNAUTHORIZED: { zh: "请先登录", en: "Please sign in first" },
  FORBIDDEN: { zh: "您没有权限执行此操作", en: "You are not allowed to do this" },
  TOO_MANY_REQUESTS: { zh: "请求过于频繁，请稍后再试", en: "Too many requests; please try again later" },
};

/** One line of both languages, for places that carry a single string (tRPC's `message`). */
export const bothLanguages = (m: Bilingual) => `${m.zh} / ${m.en}`;

/**
 * A rejected input as a sentence naming the parameters and what is wrong with each:
 * "参数无效：from（日期格式为 YYYY-MM-DD）" / "Invalid parameter: from (Dates are YYYY-MM-DD)".
 * `names` renames fields to what the caller wrote (`parkId` → `park` for a query string).
 */
export function invalidInput(error: ZodError, names: Record<string, string> = {}): Bilingual {
  const zh = translator("zh"), en = translator("en");
  const seen = new Set<string>();
  const parts: { name: string; zh: string; en: string }[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    const name = names[path[0] ?? ""] ?? path.join(".");
    if (seen.has(name)) continue;
    seen.add(name);
    parts.push({ name, zh: validationText(zh, issue.message), en: validationText(en, issue.message) });
    if (parts.length === 5) break;
  }
  return {
    zh: `参数无效：${parts.map((p) => (p.name ? `${p.name}（${p.zh}）` : p.zh)).join("；")}`,
    en: `Invalid parameter: ${parts.map((p) => (p.name ? `${p.name} (${p.en})` : p.en)).join("; ")}`,
  };
}

/** Logs a failure nobody planned for, with its stack, on the server only. */
export function logUnexpected(where: string, e: unknown) {
  let error: unknown = e instanceof TRPCError && e.cause ? e.cause : e;
  const lines = [`[parklink] ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  // what lies under it (a failed request's socket error, say), each once
  for (let depth = 0; error instanceof Error && error.cause !== undefined && depth < 5; depth++) {
    error = error.cause;
    const code = (error as { code?: unknown }).code;
    lines.push(`  caused by: ${error instanceof Error ? `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}` : inspect(error, { depth: 2, breakLength: Infinity })}`);
  }
  console.error(lines.join("\n"));
}

export interface PublicError {
  status: number;
  messages: Bilingual;
}

/**
 * The one mapping of any failure to what a client may see: a service's AppError (also inside a
 * procedure's TRPCError) keeps its status and bilingual message, a rejected input answers 400
 * naming the parameters, tRPC's own refusals their status with a fixed message, and anything
 * else 500 with the generic message (and is logged).
 */
export function publicError(e: unknown, where: string, names?: Record<string, string>): PublicError {
  const cause = e instanceof TRPCError ? e.cause : undefined;
  const app = e instanceof AppError ? e : cause instanceof AppError ? cause : null;
  if (app) return { status: APP_ERROR_CODES[app.code].http, messages: app.messages };
  const zod = e instanceof ZodError ? e : cause instanceof ZodError ? cause : null;
  if (zod) return { status: 400, messages: invalidInput(zod, names) };
  if (e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR") {
    return { status: getHTTPStatusCodeFromError(e), messages: BY_CODE[e.code] ?? GENERIC_ERROR };
  }
  logUnexpected(where, e);
  return { status: 500, messages: GENERIC_ERROR };
}
