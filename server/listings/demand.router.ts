import { protectedProcedure, router } from "@/server/api/trpc";
import * as demands from "./demand.service";
import { createDemandInput, idInput, listListingsInput, repostInput, updateDemandInput } from "./listing.schemas";

export const demandRouter = router({
  list: protectedProcedure.input(listListingsInput).query(({ ctx, input }) => demands.listDemands(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => demands.getDemand(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure.input(createDemandInput).mutation(({ ctx, input }) => demands.createDemand(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateDemandInput).mutation(({ ctx, input }) => demands.updateDemand(ctx.db, ctx.actor, input)),
  close: protectedProcedure.input(idInput).mutation(({ ctx, input }) => demands.closeDemand(ctx.db, ctx.actor, input.id)),
  repost: protectedProcedure.input(repostInput).mutation(({ ctx, input }) => demands.repostDemand(ctx.db, ctx.actor, input)),
});
