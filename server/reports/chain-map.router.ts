import { protectedProcedure, router } from "@/server/api/trpc";
import { chainMap, substanceView } from "./chain-map";
import { chainMapFilters, substanceViewInput } from "./chain-map.schemas";

export const chainMapRouter = router({
  map: protectedProcedure.input(chainMapFilters).query(({ ctx, input }) => chainMap(ctx.db, ctx.actor, input)),
  substance: protectedProcedure.input(substanceViewInput).query(({ ctx, input }) => substanceView(ctx.db, ctx.actor, input)),
});
