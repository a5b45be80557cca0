import { protectedProcedure, router } from "@/server/api/trpc";
import { awardRfq } from "./award-rfq";
import { getRfq } from "./get-rfq";
import { listRfqs } from "./list-rfqs";
import { awardRfqInput, listRfqsInput, rfqIdInput, sendRfqInput } from "./rfq.schemas";
import { sendRfq } from "./send-rfq";

export const rfqRouter = router({
  send: protectedProcedure.input(sendRfqInput).mutation(({ ctx, input }) => sendRfq(ctx.db, ctx.actor, input)),
  list: protectedProcedure.input(listRfqsInput).query(({ ctx, input }) => listRfqs(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(rfqIdInput).query(({ ctx, input }) => getRfq(ctx.db, ctx.actor, input.id)),
  award: protectedProcedure.input(awardRfqInput).mutation(({ ctx, input }) => awardRfq(ctx.db, ctx.actor, input)),
});
