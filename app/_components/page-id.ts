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
