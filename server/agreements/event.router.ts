import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { createEventInput } from "./agreement.schemas";
import { createEvent } from "./create-event";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";

export const eventRouter = router({
  list: publicProcedure
    .input(z.object({ parkId: dbId().optional() }))
    .query(({ ctx, input }) => listEvents(ctx.db, ctx.actor, input)),
  byId: publicProcedure
    .input(z.object({ id: dbId(), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => getEvent(ctx.db, ctx.actor, input)),
  create: protectedProcedure.input(createEventInput).mutation(({ ctx, input }) => createEvent(ctx.db, ctx.actor, input)),
});
