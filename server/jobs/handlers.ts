import { CATALOGUE_IMPORT_HANDLERS } from "@/server/catalogue/import-job";
import { SEARCH_HANDLERS } from "@/server/search/sync";
import type { OutboxHandlers } from "./outbox";

/**
 * Every outbox topic and the handler that delivers it. Domains add their topics here:
 * search sync (`products`, `demands`, `enterprises`), match refresh, notifications.
 */
export const OUTBOX_HANDLERS: OutboxHandlers = {
  ...SEARCH_HANDLERS,
  ...CATALOGUE_IMPORT_HANDLERS,
};
