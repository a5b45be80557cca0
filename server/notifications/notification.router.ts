import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import * as notifications from "./notification.service";

// Notifications are always the actor's own: the service scopes every query to the actor's
// enterprises and user, so there is nothing else to authorize.
export const notificationRouter = router({
  list: protectedProcedure
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => notifications.listNotifications(ctx.db, ctx.actor, input)),
  unread: protectedProcedure.query(({ ctx }) => notifications.unreadCount(ctx.db, ctx.actor)),
  markRead: protectedProcedure
    .input(z.object({ ids: z.array(dbId()).max(200).optional() }))
    .mutation(({ ctx, input }) => notifications.markRead(ctx.db, ctx.actor, input)),
});
