import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { licenceRouter } from "@/server/licences/licence.router";
import { byproductRouter } from "@/server/listings/byproduct.router";
import { demandRouter } from "@/server/listings/demand.router";
import { offerRouter } from "@/server/listings/offer.router";
import { allocationRouter } from "@/server/matching/allocation.router";
import { matchRouter } from "@/server/matching/match.router";
import { notificationRouter } from "@/server/notifications/notification.router";
import { parkRouter } from "@/server/parks/park.router";
import { statsRouter } from "@/server/stats/stats.router";
import { substanceRouter } from "@/server/substances/substance.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  allocation: allocationRouter,
  byproduct: byproductRouter,
  demand: demandRouter,
  enterprise: enterpriseRouter,
  licence: licenceRouter,
  match: matchRouter,
  notification: notificationRouter,
  offer: offerRouter,
  park: parkRouter,
  stats: statsRouter,
  substance: substanceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
