import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import {
  applicationIdInput, applicationStatusInput, approveApplicationInput, enterpriseScanInput, listApplicationsInput, rejectApplicationInput, submitApplicationInput,
} from "./application.schemas";
import { applicationStatus } from "./application-status";
import { approveApplication } from "./approve-application";
import { enterpriseScan, enterpriseScanInfo } from "./enterprise-scan";
import { applicationScan, getApplication, listApplications } from "./read-applications";
import { rejectApplication } from "./reject-application";
import { submitApplication } from "./submit-application";

export const applicationRouter = router({
  /** the public form at /apply: anyone, limited per client address */
  submit: publicProcedure
    .input(submitApplicationInput)
    .mutation(({ ctx, input }) => submitApplication(ctx.db, ctx.actor, { ...input, address: ctx.address })),
  /** the applicant's own lookup of its latest application's outcome (credit code + contact email) */
  status: publicProcedure.input(applicationStatusInput).query(({ ctx, input }) => applicationStatus(ctx.db, ctx.actor, input)),
  list: protectedProcedure.input(listApplicationsInput).query(({ ctx, input }) => listApplications(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(applicationIdInput).query(({ ctx, input }) => getApplication(ctx.db, ctx.actor, input.id)),
  scan: protectedProcedure.input(applicationIdInput).query(({ ctx, input }) => applicationScan(ctx.db, ctx.actor, input.id)),
  approve: protectedProcedure.input(approveApplicationInput).mutation(({ ctx, input }) => approveApplication(ctx.db, ctx.actor, input)),
  reject: protectedProcedure.input(rejectApplicationInput).mutation(({ ctx, input }) => rejectApplication(ctx.db, ctx.actor, input)),
  /** an enterprise's business licence scan on file (from its approved application), for verification */
  enterpriseScanInfo: protectedProcedure.input(enterpriseScanInput).query(({ ctx, input }) => enterpriseScanInfo(ctx.db, ctx.actor, input.enterpriseId)),
  enterpriseScan: protectedProcedure.input(enterpriseScanInput).query(({ ctx, input }) => enterpriseScan(ctx.db, ctx.actor, input.enterpriseId)),
});
