import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { notificationRouter } from "@/server/notifications/notification.router";
import { parkRouter } from "@/server/parks/park.router";
import { statsRouter } from "@/server/stats/stats.router";
import { substanceRouter } from "@/server/substances/substance.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  enterprise: enterpriseRouter,
  notification: notificationRouter,
  park: parkRouter,
  stats: statsRouter,
  substance: substanceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
