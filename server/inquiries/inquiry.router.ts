import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { acceptQuote } from "./accept-quote";
import { answerCounter } from "./answer-counter";
import { counterQuote } from "./counter-quote";
import { closeInquiry } from "./close-inquiry";
import { compareQuotes } from "./compare-quotes";
import { createInquiry } from "./create-inquiry";
import { getAttachment } from "./get-attachment";
import { getInquiry } from "./get-inquiry";
import {
  acceptQuoteInput, answerCounterInput, counterQuoteInput, createInquiryInput, inquiryIdInput, inquirySource, listInquiriesInput, postMessageInput, sendQuoteInput,
} from "./inquiry.schemas";
import { inquirySummary } from "./inquiry-summary";
import { listInquiries } from "./list-inquiries";
import { markInquiryRead } from "./mark-inquiry-read";
import { postMessage } from "./post-message";
import { prepareInquiry } from "./prepare-inquiry";
import { sendQuote } from "./send-quote";

export const inquiryRouter = router({
  prepare: protectedProcedure.input(inquirySource).query(({ ctx, input }) => prepareInquiry(ctx.db, ctx.actor, input)),
  create: protectedProcedure.input(createInquiryInput).mutation(({ ctx, input }) => createInquiry(ctx.db, ctx.actor, input)),
  list: protectedProcedure.input(listInquiriesInput).query(({ ctx, input }) => listInquiries(ctx.db, ctx.actor, input)),
  summary: protectedProcedure.query(({ ctx }) => inquirySummary(ctx.db, ctx.actor)),
  byId: protectedProcedure.input(inquiryIdInput).query(({ ctx, input }) => getInquiry(ctx.db, ctx.actor, input.id)),
  compare: protectedProcedure.input(inquiryIdInput).query(({ ctx, input }) => compareQuotes(ctx.db, ctx.actor, input.id)),
  markRead: protectedProcedure.input(inquiryIdInput).mutation(({ ctx, input }) => markInquiryRead(ctx.db, ctx.actor, input.id)),
  post: protectedProcedure.input(postMessageInput).mutation(({ ctx, input }) => postMessage(ctx.db, ctx.actor, input)),
  quote: protectedProcedure.input(sendQuoteInput).mutation(({ ctx, input }) => sendQuote(ctx.db, ctx.actor, input)),
  accept: protectedProcedure.input(acceptQuoteInput).mutation(({ ctx, input }) => acceptQuote(ctx.db, ctx.actor, input)),
  counter: protectedProcedure.input(counterQuoteInput).mutation(({ ctx, input }) => counterQuote(ctx.db, ctx.actor, input)),
  answerCounter: protectedProcedure.input(answerCounterInput).mutation(({ ctx, input }) => answerCounter(ctx.db, ctx.actor, input)),
  close: protectedProcedure.input(inquiryIdInput).mutation(({ ctx, input }) => closeInquiry(ctx.db, ctx.actor, input.id)),
  attachment: protectedProcedure.input(z.object({ id: dbId() })).query(({ ctx, input }) => getAttachment(ctx.db, ctx.actor, input.id)),
});
