import { protectedProcedure, router } from "@/server/api/trpc";
import * as byproducts from "./byproduct.service";
import { createByproductInput, idInput, listListingsInput, updateByproductInput } from "./listing.schemas";

export const byproductRouter = router({
  list: protectedProcedure.input(listListingsInput).query(({ ctx, input }) => byproducts.listByproducts(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => byproducts.getByproduct(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure.input(createByproductInput).mutation(({ ctx, input }) => byproducts.createByproduct(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateByproductInput).mutation(({ ctx, input }) => byproducts.updateByproduct(ctx.db, ctx.actor, input)),
  close: protectedProcedure.input(idInput).mutation(({ ctx, input }) => byproducts.closeByproduct(ctx.db, ctx.actor, input.id)),
  repost: protectedProcedure.input(idInput).mutation(({ ctx, input }) => byproducts.repostByproduct(ctx.db, ctx.actor, input.id)),
});
