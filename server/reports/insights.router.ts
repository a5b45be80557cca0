import { protectedProcedure, router } from "@/server/api/trpc";
import { green } from "./green";
import { insightsInput } from "./insights.schemas";
import { linkage } from "./linkage";

/** The park insights: 产业关联度 per enterprise and the green outcomes (park staff, platform admins). */
export const insightsRouter = router({
  linkage: protectedProcedure.input(insightsInput).query(({ ctx, input }) => linkage(ctx.db, ctx.actor, input)),
  green: protectedProcedure.input(insightsInput).query(({ ctx, input }) => green(ctx.db, ctx.actor, input)),
});
