import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import * as savedSearches from "./saved-search.service";

// Thin: the service decides (server/auth/policy.ts: savedSearch.alert, savedSearch.manage).
export const savedSearchRouter = router({
  list: protectedProcedure.query(({ ctx }) => savedSearches.listSavedSearches(ctx.db, ctx.actor)),
  create: protectedProcedure
    .input(z.object({ params: z.string().max(1000), enterpriseId: dbId().optional() }))
    .mutation(({ ctx, input }) => savedSearches.saveSearch(ctx.db, ctx.actor, input)),
  setPaused: protectedProcedure
    .input(z.object({ id: dbId(), paused: z.boolean() }))
    .mutation(({ ctx, input }) => savedSearches.setSavedSearchPaused(ctx.db, ctx.actor, input)),
  delete: protectedProcedure
    .input(z.object({ id: dbId() }))
    .mutation(({ ctx, input }) => savedSearches.deleteSavedSearch(ctx.db, ctx.actor, input)),
});
