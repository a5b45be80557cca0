import { protectedProcedure, router } from "@/server/api/trpc";
import { dbId, z } from "@/server/zod";
import { addLicenceInput, updateLicenceInput } from "./licence.schemas";
import * as licences from "./licence.service";

const id = z.object({ id: dbId() });

export const licenceRouter = router({
  list: protectedProcedure
    .input(z.object({ enterpriseId: dbId() }))
    .query(({ ctx, input }) => licences.listLicences(ctx.db, ctx.actor, input.enterpriseId)),
  add: protectedProcedure.input(addLicenceInput).mutation(({ ctx, input }) => licences.addLicence(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateLicenceInput).mutation(({ ctx, input }) => licences.updateLicence(ctx.db, ctx.actor, input)),
  remove: protectedProcedure.input(id).mutation(({ ctx, input }) => licences.removeLicence(ctx.db, ctx.actor, input.id)),
  setVerified: protectedProcedure
    .input(z.object({ id: dbId(), verified: z.boolean() }))
    .mutation(({ ctx, input }) => licences.setLicenceVerified(ctx.db, ctx.actor, input)),
  document: protectedProcedure.input(id).query(({ ctx, input }) => licences.getLicenceDocument(ctx.db, ctx.actor, input.id)),
  parkTodo: protectedProcedure
    .input(z.object({ parkId: dbId() }))
    .query(({ ctx, input }) => licences.parkLicenceTodo(ctx.db, ctx.actor, input.parkId)),
});
