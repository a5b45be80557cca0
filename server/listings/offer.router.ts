import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { createOfferInput, idInput, listListingsInput, repostInput, updateOfferInput } from "./listing.schemas";
import * as offers from "./offer.service";

export const offerRouter = router({
  list: protectedProcedure.input(listListingsInput).query(({ ctx, input }) => offers.listOffers(ctx.db, ctx.actor, input)),
  get: protectedProcedure.input(idInput).query(({ ctx, input }) => offers.getOffer(ctx.db, ctx.actor, input.id)),
  products: protectedProcedure
    .input(z.object({ enterpriseId: dbId() }))
    .query(({ ctx, input }) => offers.offerableProducts(ctx.db, ctx.actor, input.enterpriseId)),
  create: protectedProcedure.input(createOfferInput).mutation(({ ctx, input }) => offers.createOffer(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateOfferInput).mutation(({ ctx, input }) => offers.updateOffer(ctx.db, ctx.actor, input)),
  close: protectedProcedure.input(idInput).mutation(({ ctx, input }) => offers.closeOffer(ctx.db, ctx.actor, input.id)),
  repost: protectedProcedure.input(repostInput).mutation(({ ctx, input }) => offers.repostOffer(ctx.db, ctx.actor, input)),
});
