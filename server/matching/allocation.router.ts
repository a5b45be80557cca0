import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { parkAllocation } from "./allocation.service";

export const allocationRouter = router({
  plan: protectedProcedure
    .input(z.object({ parkId: dbId() }))
    .query(({ ctx, input }) => parkAllocation(ctx.db, ctx.actor, input.parkId)),
});
