import { publicProcedure, router } from "@/server/api/trpc";
import { homeFigures } from "./stats.service";

export const statsRouter = router({
  home: publicProcedure.query(({ ctx }) => homeFigures(ctx.db)),
});
