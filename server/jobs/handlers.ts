import { MATCH_HANDLERS } from "@/server/matching/handlers";
import type { OutboxHandlers } from "./outbox";

/**
 * Every outbox topic and the handler that delivers it. Domains add their topics here:
 * search sync (`products`, `demands`, `enterprises`), match refresh, notifications.
 */
export const OUTBOX_HANDLERS: OutboxHandlers = {
  ...MATCH_HANDLERS,
};
