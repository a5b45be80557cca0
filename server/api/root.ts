import { applicationRouter } from "@/server/applications/application.router";
import { agreementRouter } from "@/server/agreements/agreement.router";
import { eventRouter } from "@/server/agreements/event.router";
import { catalogueRouter } from "@/server/catalogue/catalogue.router";
import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { inquiryRouter } from "@/server/inquiries/inquiry.router";
import { sampleRouter } from "@/server/inquiries/sample.router";
import { licenceRouter } from "@/server/licences/licence.router";
import { byproductRouter } from "@/server/listings/byproduct.router";
import { demandRouter } from "@/server/listings/demand.router";
import { offerRouter } from "@/server/listings/offer.router";
import { allocationRouter } from "@/server/matching/allocation.router";
import { matchRouter } from "@/server/matching/match.router";
import { notificationRouter } from "@/server/notifications/notification.router";
import { parkRouter } from "@/server/parks/park.router";
import { insightsRouter } from "@/server/reports/insights.router";
import { chainMapRouter } from "@/server/reports/chain-map.router";
import { reportRouter } from "@/server/reports/report.router";
import { rfqRouter } from "@/server/rfq/rfq.router";
import { savedSearchRouter } from "@/server/saved-searches/saved-search.router";
import { searchRouter } from "@/server/search/search.router";
import { statsRouter } from "@/server/stats/stats.router";
import { substanceRouter } from "@/server/substances/substance.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  agreement: agreementRouter,
  allocation: allocationRouter,
  application: applicationRouter,
  byproduct: byproductRouter,
  catalogue: catalogueRouter,
  chainMap: chainMapRouter,
  demand: demandRouter,
  enterprise: enterpriseRouter,
  event: eventRouter,
  inquiry: inquiryRouter,
  insights: insightsRouter,
  licence: licenceRouter,
  match: matchRouter,
  notification: notificationRouter,
  offer: offerRouter,
  park: parkRouter,
  report: reportRouter,
  sample: sampleRouter,
  rfq: rfqRouter,
  savedSearch: savedSearchRouter,
  search: searchRouter,
  stats: statsRouter,
  substance: substanceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
