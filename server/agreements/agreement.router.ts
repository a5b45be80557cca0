import { protectedProcedure, router } from "@/server/api/trpc";
import { importFileInput } from "@/server/enterprises/enterprise.schemas";
import { addCallOff } from "./add-call-off";
import { addDocument } from "./add-document";
import {
  addCallOffInput, addDocumentInput, changeStatusInput, confirmSigningInput, createAgreementInput, idInput, listAgreementsInput,
  proposeSigningInput, recordDeliveryInput, updateDraftInput,
} from "./agreement.schemas";
import { agreementFormOptions } from "./agreement-form-options";
import { changeAgreementStatus } from "./change-agreement-status";
import { confirmSigning } from "./confirm-signing";
import { createAgreement } from "./create-agreement";
import { getAgreement } from "./get-agreement";
import { getDocument } from "./get-document";
import { importAgreements } from "./import-agreements";
import { listAgreements } from "./list-agreements";
import { proposeSigning } from "./propose-signing";
import { recordDelivery } from "./record-delivery";
import { updateDraftAgreement } from "./update-draft-agreement";

export const agreementRouter = router({
  list: protectedProcedure.input(listAgreementsInput).query(({ ctx, input }) => listAgreements(ctx.db, ctx.actor, input)),
  byId: protectedProcedure.input(idInput).query(({ ctx, input }) => getAgreement(ctx.db, ctx.actor, input.id)),
  formOptions: protectedProcedure.query(({ ctx }) => agreementFormOptions(ctx.db, ctx.actor)),
  create: protectedProcedure.input(createAgreementInput).mutation(({ ctx, input }) => createAgreement(ctx.db, ctx.actor, input)),
  updateDraft: protectedProcedure.input(updateDraftInput).mutation(({ ctx, input }) => updateDraftAgreement(ctx.db, ctx.actor, input)),
  /** 提交签约: one party proposes the draft for signing */
  propose: protectedProcedure.input(proposeSigningInput).mutation(({ ctx, input }) => proposeSigning(ctx.db, ctx.actor, input)),
  /** 确认签约: the other party confirms it, and it is signed */
  confirm: protectedProcedure.input(confirmSigningInput).mutation(({ ctx, input }) => confirmSigning(ctx.db, ctx.actor, input)),
  setStatus: protectedProcedure.input(changeStatusInput).mutation(({ ctx, input }) => changeAgreementStatus(ctx.db, ctx.actor, input)),
  callOff: protectedProcedure.input(addCallOffInput).mutation(({ ctx, input }) => addCallOff(ctx.db, ctx.actor, input)),
  deliver: protectedProcedure.input(recordDeliveryInput).mutation(({ ctx, input }) => recordDelivery(ctx.db, ctx.actor, input)),
  upload: protectedProcedure.input(addDocumentInput).mutation(({ ctx, input }) => addDocument(ctx.db, ctx.actor, input)),
  document: protectedProcedure.input(idInput).query(({ ctx, input }) => getDocument(ctx.db, ctx.actor, input.id)),
  import: protectedProcedure.input(importFileInput).mutation(({ ctx, input }) => importAgreements(ctx.db, ctx.actor, { name: input.filename, bytes: Buffer.from(input.content, "base64") })),
});
