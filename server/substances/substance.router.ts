import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import { z } from "@/server/zod";
import { curateSubstance, curateSubstanceInput, getSubstanceForCuration, listCuratedSubstances } from "./curation";
import * as substances from "./substance.service";
import { changeRegulatedList, changeRegulatedListInput, listRegulatedChanges, listRegulatedChangesInput, regulatedListCounts } from "./regulated-lists";

// The reference dictionary is public knowledge: anyone may look substances up; park staff correct it.
export const substanceRouter = router({
  lookup: publicProcedure
    .input(z.object({ q: z.string().trim().max(80), limit: z.number().int().min(1).max(30).default(10) }))
    .query(({ ctx, input }) => substances.lookupSubstances(ctx.db, input)),
  byCas: publicProcedure
    .input(z.object({ cas: z.string().trim().min(5).max(20) }))
    .query(({ ctx, input }) => substances.getSubstance(ctx.db, input.cas)),
  forCuration: protectedProcedure
    .input(z.object({ cas: z.string().trim().min(5).max(20) }))
    .query(({ ctx, input }) => getSubstanceForCuration(ctx.db, ctx.actor, input.cas)),
  curated: protectedProcedure
    .input(z.object({ page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listCuratedSubstances(ctx.db, ctx.actor, input)),
  curate: protectedProcedure.input(curateSubstanceInput).mutation(({ ctx, input }) => curateSubstance(ctx.db, ctx.actor, input)),
  // park staff maintain the regulated lists (剧毒, 易制爆, 易制毒)
  regulatedChanges: protectedProcedure.input(listRegulatedChangesInput).query(({ ctx, input }) => listRegulatedChanges(ctx.db, ctx.actor, input)),
  regulatedCounts: protectedProcedure.query(({ ctx }) => regulatedListCounts(ctx.db, ctx.actor)),
  changeRegulatedList: protectedProcedure.input(changeRegulatedListInput).mutation(({ ctx, input }) => changeRegulatedList(ctx.db, ctx.actor, input)),
});
