import { translator, validationText } from "@/i18n";
import { AppError, type Bilingual } from "@/server/errors";
import type { z } from "@/server/zod";

/**
 * What the writers (server/<domain>/write-*.ts) share: a record is checked against its zod schema
 * before anything is written, and refused whole when it fails (INVALID, the first field at fault,
 * its message in both languages).
 */
export function parseRecord<S extends z.ZodType>(schema: S, input: unknown, what: Bilingual): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".");
  const say = (locale: "zh" | "en") => validationText(translator(locale), issue.message);
  throw new AppError(
    "INVALID",
    { zh: `${what.zh}数据无效：${field ? `${field} ` : ""}${say("zh")}`, en: `Invalid ${what.en.toLowerCase()}: ${field ? `${field}: ` : ""}${say("en")}` },
    { field: field || null },
  );
}

/** The columns whose value a change alters, before and after, for the audit log. */
export function changedColumns<T extends Record<string, unknown>>(before: T, after: T, keys: string[]) {
  const changed = keys.filter((k) => !sameValue(before[k], after[k]));
  return {
    keys: changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}

const sameValue = (a: unknown, b: unknown) =>
  a instanceof Date || b instanceof Date ? String(a?.valueOf()) === String(b?.valueOf()) : JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
