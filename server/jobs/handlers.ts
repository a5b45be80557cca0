import { CATALOGUE_IMPORT_HANDLERS } from "@/server/catalogue/import-job";
import { MATCH_HANDLERS } from "@/server/matching/handlers";
import { SEARCH_HANDLERS } from "@/server/search/handlers";
import type { OutboxHandlers } from "./outbox";

/**
 * Every outbox topic (`<event>:<listener>`, see topics.ts) and the handler that delivers it:
 * search sync, match refresh, background catalogue imports.
 */
export const OUTBOX_HANDLERS: OutboxHandlers = {
  ...MATCH_HANDLERS,
  ...SEARCH_HANDLERS,
  ...CATALOGUE_IMPORT_HANDLERS,
};
