import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { createParkInput } from "./park.schemas";
import * as parks from "./park.service";

export const parkRouter = router({
  list: publicProcedure.query(({ ctx }) => parks.listParks(ctx.db)),
  create: protectedProcedure.input(createParkInput).mutation(({ ctx, input }) => parks.createPark(ctx.db, ctx.actor, input)),
});
