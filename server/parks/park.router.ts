import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { createParkInput } from "./park.schemas";
import * as parks from "./park.service";

export const parkRouter = router({
  list: publicProcedure.query(({ ctx }) => parks.listParks(ctx.db)),
  /** the parks a park chooser offers this user, by the policy */
  choices: protectedProcedure
    .input(z.object({ purpose: z.enum(["manage", "report", "event"]) }))
    .query(({ ctx, input }) => parks.parkChoices(ctx.db, ctx.actor, input.purpose)),
  overview: protectedProcedure
    .input(z.object({ parkId: dbId() }))
    .query(({ ctx, input }) => parks.parkOverview(ctx.db, ctx.actor, input.parkId)),
  create: protectedProcedure.input(createParkInput).mutation(({ ctx, input }) => parks.createPark(ctx.db, ctx.actor, input)),
});
