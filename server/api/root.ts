import { catalogueRouter } from "@/server/catalogue/catalogue.router";
import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { notificationRouter } from "@/server/notifications/notification.router";
import { parkRouter } from "@/server/parks/park.router";
import { searchRouter } from "@/server/search/search.router";
import { statsRouter } from "@/server/stats/stats.router";
import { substanceRouter } from "@/server/substances/substance.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  catalogue: catalogueRouter,
  enterprise: enterpriseRouter,
  notification: notificationRouter,
  park: parkRouter,
  search: searchRouter,
  stats: statsRouter,
  substance: substanceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
