import { publicProcedure, router } from "@/server/api/trpc";
import { z } from "@/server/zod";
import * as substances from "./substance.service";

// The reference dictionary is public knowledge: anyone may look substances up.
export const substanceRouter = router({
  lookup: publicProcedure
    .input(z.object({ q: z.string().trim().max(80), limit: z.number().int().min(1).max(30).default(10) }))
    .query(({ ctx, input }) => substances.lookupSubstances(ctx.db, input)),
  byCas: publicProcedure
    .input(z.object({ cas: z.string().trim().min(5).max(20) }))
    .query(({ ctx, input }) => substances.getSubstance(ctx.db, input.cas)),
});
