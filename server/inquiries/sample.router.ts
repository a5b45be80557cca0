import { protectedProcedure, router } from "@/server/api/trpc";
import { evaluateSample } from "./sample-evaluate";
import { getSample } from "./sample-get";
import { markSampleReceived } from "./sample-mark-received";
import { markSampleSent } from "./sample-mark-sent";
import { prepareSample } from "./sample-prepare";
import { requestSample } from "./sample-create";
import { evaluateSampleInput, markSampleSentInput, requestSampleInput, sampleInquiryInput, sampleSource } from "./sample.schemas";

/** 索样: sample requests, a kind of inquiry (its thread is the inquiry's). */
export const sampleRouter = router({
  prepare: protectedProcedure.input(sampleSource).query(({ ctx, input }) => prepareSample(ctx.db, ctx.actor, input)),
  request: protectedProcedure.input(requestSampleInput).mutation(({ ctx, input }) => requestSample(ctx.db, ctx.actor, input)),
  byInquiry: protectedProcedure.input(sampleInquiryInput).query(({ ctx, input }) => getSample(ctx.db, ctx.actor, input.inquiryId)),
  markSent: protectedProcedure.input(markSampleSentInput).mutation(({ ctx, input }) => markSampleSent(ctx.db, ctx.actor, input)),
  markReceived: protectedProcedure.input(sampleInquiryInput).mutation(({ ctx, input }) => markSampleReceived(ctx.db, ctx.actor, input)),
  evaluate: protectedProcedure.input(evaluateSampleInput).mutation(({ ctx, input }) => evaluateSample(ctx.db, ctx.actor, input)),
});
