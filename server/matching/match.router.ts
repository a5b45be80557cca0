import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { buyersInput, suppliersInput } from "./match.schemas";
import * as matching from "./match.service";

export const matchRouter = router({
  forDemand: protectedProcedure.input(suppliersInput).query(({ ctx, input }) => matching.suppliersForDemand(ctx.db, ctx.actor, input)),
  forSupplier: protectedProcedure.input(buyersInput).query(({ ctx, input }) => matching.buyersForSupplier(ctx.db, ctx.actor, input)),
  takers: protectedProcedure
    .input(z.object({ byproductId: dbId() }))
    .query(({ ctx, input }) => matching.takersForByproduct(ctx.db, ctx.actor, input.byproductId)),
  dismiss: protectedProcedure
    .input(z.object({ id: dbId(), dismissed: z.boolean().default(true) }))
    .mutation(({ ctx, input }) => matching.setMatchDismissed(ctx.db, ctx.actor, input)),
});
