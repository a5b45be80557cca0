import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import {
  acceptQuoteInput, createInquiryInput, inquiryIdInput, inquirySource, listInquiriesInput, postMessageInput, sendQuoteInput,
} from "./inquiry.schemas";
import * as inquiries from "./inquiry.service";

export const inquiryRouter = router({
  prepare: protectedProcedure.input(inquirySource).query(({ ctx, input }) => inquiries.prepareInquiry(ctx.db, ctx.actor, input)),
  create: protectedProcedure.input(createInquiryInput).mutation(({ ctx, input }) => inquiries.createInquiry(ctx.db, ctx.actor, input)),
  list: protectedProcedure.input(listInquiriesInput).query(({ ctx, input }) => inquiries.listInquiries(ctx.db, ctx.actor, input)),
  summary: protectedProcedure.query(({ ctx }) => inquiries.inquirySummary(ctx.db, ctx.actor)),
  byId: protectedProcedure.input(inquiryIdInput).query(({ ctx, input }) => inquiries.getInquiry(ctx.db, ctx.actor, input.id)),
  compare: protectedProcedure.input(inquiryIdInput).query(({ ctx, input }) => inquiries.compareQuotes(ctx.db, ctx.actor, input.id)),
  markRead: protectedProcedure.input(inquiryIdInput).mutation(({ ctx, input }) => inquiries.markInquiryRead(ctx.db, ctx.actor, input.id)),
  post: protectedProcedure.input(postMessageInput).mutation(({ ctx, input }) => inquiries.postMessage(ctx.db, ctx.actor, input)),
  quote: protectedProcedure.input(sendQuoteInput).mutation(({ ctx, input }) => inquiries.sendQuote(ctx.db, ctx.actor, input)),
  accept: protectedProcedure.input(acceptQuoteInput).mutation(({ ctx, input }) => inquiries.acceptQuote(ctx.db, ctx.actor, input)),
  close: protectedProcedure.input(inquiryIdInput).mutation(({ ctx, input }) => inquiries.closeInquiry(ctx.db, ctx.actor, input.id)),
  attachment: protectedProcedure
    .input(z.object({ id: dbId() }))
    .query(({ ctx, input }) => inquiries.getAttachment(ctx.db, ctx.actor, input.id)),
});
