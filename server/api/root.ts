import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { parkRouter } from "@/server/parks/park.router";
import { statsRouter } from "@/server/stats/stats.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  enterprise: enterpriseRouter,
  park: parkRouter,
  stats: statsRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
