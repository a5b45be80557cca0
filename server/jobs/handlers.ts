import { CATALOGUE_IMPORT_HANDLERS } from "@/server/catalogue/import-job";
import { MATCH_HANDLERS } from "@/server/matching/handlers";
import { ALERT_HANDLERS } from "@/server/saved-searches/alerts";
import { SEARCH_HANDLERS } from "@/server/search/handlers";
import type { OutboxHandler } from "./outbox";
import type { Topic } from "./topics";

/**
 * Every outbox topic (`<event>:<listener>`, see topics.ts) and the handler that delivers it:
 * search sync, match refresh, background catalogue imports, saved searches' alerts. A declared topic without a handler
 * does not compile (`satisfies`), and neither does a handler of an undeclared topic (below).
 */
export const OUTBOX_HANDLERS = {
  ...MATCH_HANDLERS,
  ...SEARCH_HANDLERS,
  ...CATALOGUE_IMPORT_HANDLERS,
  ...ALERT_HANDLERS,
} satisfies Record<Topic, OutboxHandler>;

/** The topics that have a handler but are not declared: none, or this line does not compile. */
type Undeclared = Exclude<keyof typeof OUTBOX_HANDLERS, Topic>;
true satisfies ([Undeclared] extends [never] ? true : false);
