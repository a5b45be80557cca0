import "server-only";
import { notFound } from "next/navigation";
import { parseDbId } from "@/server/zod";

/**
 * The `[id]` of a page's address, or the 404 page when it is no id: not a whole number, or out
 * of the range of the id columns (the same rule as every procedure's input, `dbId` in server/zod.ts).
 */
export function pageId(raw: string): number {
  const id = parseDbId(raw);
  if (id === null) notFound();
  return id;
}

/**
 * An id in a page's query string (`?park=3`): the id, or undefined when it is missing or no id,
 * so the page falls back to its default instead of sending the procedure an input it refuses.
 */
export const queryId = (raw: string | undefined): number | undefined => parseDbId(raw) ?? undefined;

/** `?page=`: a whole number from 1, else 1 (never a fraction, a huge number or NaN). */
export const pageNumber = (raw: string | undefined): number => parseDbId(raw) ?? 1;
