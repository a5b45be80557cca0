import { protectedProcedure, router } from "@/server/api/trpc";
import { importFileInput } from "@/server/enterprises/enterprise.schemas";
import {
  addCallOffInput, addDocumentInput, changeStatusInput, confirmSigningInput, createAgreementInput, idInput, listAgreementsInput,
  proposeSigningInput, recordDeliveryInput, updateDraftInput,
} from "./agreement.schemas";
import * as agreements from "./agreement.service";
import { importAgreements } from "./import";

export const agreementRouter = router({
  list: protectedProcedure.input(listAgreementsInput).query(({ ctx, input }) => agreements.listAgreements(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(idInput).query(({ ctx, input }) => agreements.getAgreement(ctx.db, ctx.actor, input.id)),
  formOptions: protectedProcedure.query(({ ctx }) => agreements.agreementFormOptions(ctx.db, ctx.actor)),
  create: protectedProcedure.input(createAgreementInput).mutation(({ ctx, input }) => agreements.createAgreement(ctx.db, ctx.actor, input)),
  updateDraft: protectedProcedure.input(updateDraftInput).mutation(({ ctx, input }) => agreements.updateDraftAgreement(ctx.db, ctx.actor, input)),
  /** 提交签约: one party proposes the draft for signing */
  propose: protectedProcedure.input(proposeSigningInput).mutation(({ ctx, input }) => agreements.proposeSigning(ctx.db, ctx.actor, input)),
  /** 确认签约: the other party confirms it, and it is signed */
  confirm: protectedProcedure.input(confirmSigningInput).mutation(({ ctx, input }) => agreements.confirmSigning(ctx.db, ctx.actor, input)),
  setStatus: protectedProcedure.input(changeStatusInput).mutation(({ ctx, input }) => agreements.changeAgreementStatus(ctx.db, ctx.actor, input)),
  callOff: protectedProcedure.input(addCallOffInput).mutation(({ ctx, input }) => agreements.addCallOff(ctx.db, ctx.actor, input)),
  deliver: protectedProcedure.input(recordDeliveryInput).mutation(({ ctx, input }) => agreements.recordDelivery(ctx.db, ctx.actor, input)),
  upload: protectedProcedure.input(addDocumentInput).mutation(({ ctx, input }) => agreements.addDocument(ctx.db, ctx.actor, input)),
  document: protectedProcedure.input(idInput).query(({ ctx, input }) => agreements.getDocument(ctx.db, ctx.actor, input.id)),
  import: protectedProcedure
    .input(importFileInput)
    .mutation(({ ctx, input }) => importAgreements(ctx.db, ctx.actor, { name: input.filename, bytes: Buffer.from(input.content, "base64") })),
});
