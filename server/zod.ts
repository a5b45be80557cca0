import { z } from "zod";

/**
 * zod, configured so that every failed check reports a message key of the message files
 * (`validation.<key>`), with its limits as `?name=value` (e.g. `field.too_long?max=120`). Forms
 * and the CLI translate them into Chinese and English. Import `z` from here in every schema.
 */
z.config({
  // in the browser, no compiled validators: the pages' Content-Security-Policy forbids eval, and
  // zod's probe for it (`Function("")`) would be reported as a violation (server/http/security.ts)
  jitless: typeof window !== "undefined",
  customError: (issue) => {
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "field.required" : `field.too_short?min=${issue.minimum}`;
        if (issue.origin === "array") return `field.too_few?min=${issue.minimum}`;
        return `field.too_small?min=${issue.minimum}`;
      case "too_big":
        if (issue.origin === "string") return `field.too_long?max=${issue.maximum}`;
        if (issue.origin === "array") return `field.too_many?max=${issue.maximum}`;
        return `field.too_large?max=${issue.maximum}`;
      case "invalid_type":
        return issue.input === undefined || issue.input === null || issue.input === "" ? "field.required" : "field.invalid_type";
      case "invalid_format":
        return issue.format === "email" ? "user.email_invalid" : issue.format === "url" ? "field.url_invalid" : "field.invalid_format";
      case "invalid_value":
        return "field.invalid_option";
      default:
        return undefined;
    }
  },
});

export { z };

/** The largest value of a PostgreSQL `integer` column: every id of db/schema is one. */
export const MAX_DB_ID = 2_147_483_647;

/**
 * A database id: a whole number in the range of the `integer` id columns (1 … 2,147,483,647).
 * Every id-taking input uses it, so an id out of range is a rejected input, never a database error.
 */
export const dbId = () => z.number().int().min(1).max(MAX_DB_ID);

/**
 * An id written in an address (`/agreements/12`, `?park=3`): the id, or null when it is not
 * a number in the range of `dbId` (pages answer 404 for it, routes 404 or 400).
 */
export function parseDbId(raw: string | null | undefined): number | null {
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  const parsed = dbId().safeParse(Number(raw));
  return parsed.success ? parsed.data : null;
}
