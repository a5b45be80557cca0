import { dbId, z } from "@/server/zod";
import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import {
  createEnterpriseInput, enterpriseIdInput, enterpriseProductsInput, importFileInput, listEnterprisesInput, updateEnterpriseInput,
} from "./enterprise.schemas";
import { enterpriseProducts, enterpriseProfile } from "./enterprise-profile";
import * as enterprises from "./enterprise.service";
import { importEnterprises } from "./import";

export const enterpriseRouter = router({
  list: publicProcedure.input(listEnterprisesInput).query(({ ctx, input }) => enterprises.listEnterprises(ctx.db, input)),
  profile: publicProcedure.input(enterpriseIdInput).query(({ ctx, input }) => enterpriseProfile(ctx.db, ctx.actor, input.id)),
  products: publicProcedure.input(enterpriseProductsInput).query(({ ctx, input }) => enterpriseProducts(ctx.db, ctx.actor, input)),
  private: protectedProcedure
    .input(enterpriseIdInput)
    .query(({ ctx, input }) => enterprises.getEnterprisePrivate(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure
    .input(createEnterpriseInput)
    .mutation(({ ctx, input }) => enterprises.createEnterprise(ctx.db, ctx.actor, input)),
  update: protectedProcedure
    .input(updateEnterpriseInput)
    .mutation(({ ctx, input }) => enterprises.updateEnterprise(ctx.db, ctx.actor, input)),
  setVerified: protectedProcedure
    .input(z.object({ id: dbId(), verified: z.boolean() }))
    .mutation(({ ctx, input }) => enterprises.setEnterpriseVerified(ctx.db, ctx.actor, input)),
  unverified: protectedProcedure
    .input(z.object({ parkId: dbId() }))
    .query(({ ctx, input }) => enterprises.listUnverified(ctx.db, ctx.actor, input.parkId)),
  import: protectedProcedure
    .input(importFileInput)
    .mutation(({ ctx, input }) => importEnterprises(ctx.db, ctx.actor, { name: input.filename, bytes: Buffer.from(input.content, "base64") })),
});
