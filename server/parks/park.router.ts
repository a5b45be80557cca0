import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { createParkInput } from "./park.schemas";
import * as parks from "./park.service";

export const parkRouter = router({
  list: publicProcedure.query(({ ctx }) => parks.listParks(ctx.db)),
  overview: protectedProcedure
    .input(z.object({ parkId: dbId() }))
    .query(({ ctx, input }) => parks.parkOverview(ctx.db, ctx.actor, input.parkId)),
  create: protectedProcedure.input(createParkInput).mutation(({ ctx, input }) => parks.createPark(ctx.db, ctx.actor, input)),
});
