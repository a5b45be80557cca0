import { agreementRouter } from "@/server/agreements/agreement.router";
import { eventRouter } from "@/server/agreements/event.router";
import { enterpriseRouter } from "@/server/enterprises/enterprise.router";
import { inquiryRouter } from "@/server/inquiries/inquiry.router";
import { notificationRouter } from "@/server/notifications/notification.router";
import { parkRouter } from "@/server/parks/park.router";
import { reportRouter } from "@/server/reports/report.router";
import { statsRouter } from "@/server/stats/stats.router";
import { substanceRouter } from "@/server/substances/substance.router";
import { userRouter } from "@/server/users/user.router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  agreement: agreementRouter,
  enterprise: enterpriseRouter,
  event: eventRouter,
  inquiry: inquiryRouter,
  notification: notificationRouter,
  park: parkRouter,
  report: reportRouter,
  stats: statsRouter,
  substance: substanceRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
