import { protectedProcedure, publicProcedure, router } from "@/server/api/trpc";
import {
  createProductInput, documentIdInput, importJobInput, importJobsInput, listCatalogueInput, productIdInput, setRetiredInput,
  startImportInput, updateProductInput, uploadDocumentInput,
} from "./catalogue.schemas";
import * as catalogue from "./catalogue.service";
import { getImportJob, listImportJobs, startCatalogueImport } from "./import-job";

export const catalogueRouter = router({
  list: protectedProcedure.input(listCatalogueInput).query(({ ctx, input }) => catalogue.listCatalogue(ctx.db, ctx.actor, input)),
  product: publicProcedure.input(productIdInput).query(({ ctx, input }) => catalogue.getProduct(ctx.db, ctx.actor, input.id)),
  create: protectedProcedure.input(createProductInput).mutation(({ ctx, input }) => catalogue.createProduct(ctx.db, ctx.actor, input)),
  update: protectedProcedure.input(updateProductInput).mutation(({ ctx, input }) => catalogue.updateProduct(ctx.db, ctx.actor, input)),
  setRetired: protectedProcedure.input(setRetiredInput).mutation(({ ctx, input }) => catalogue.setProductRetired(ctx.db, ctx.actor, input)),
  uploadDocument: protectedProcedure
    .input(uploadDocumentInput)
    .mutation(({ ctx, input }) => catalogue.uploadDocument(ctx.db, ctx.actor, input)),
  deleteDocument: protectedProcedure
    .input(documentIdInput)
    .mutation(({ ctx, input }) => catalogue.deleteDocument(ctx.db, ctx.actor, input)),
  import: protectedProcedure.input(startImportInput).mutation(({ ctx, input }) =>
    startCatalogueImport(ctx.db, ctx.actor, {
      enterpriseId: input.enterpriseId,
      file: { name: input.filename, bytes: Buffer.from(input.content, "base64") },
    }),
  ),
  /** a product's TDS/SDS (for the download route), for whoever may see the product's details */
  document: publicProcedure.input(documentIdInput).query(async ({ ctx, input }) => {
    const doc = await catalogue.readDocument(ctx.db, ctx.actor, input.id);
    return { filename: doc.filename, contentType: "application/pdf", content: Buffer.from(doc.content).toString("base64") };
  }),
  importJob: protectedProcedure.input(importJobInput).query(({ ctx, input }) => getImportJob(ctx.db, ctx.actor, input.id)),
  importJobs: protectedProcedure.input(importJobsInput).query(({ ctx, input }) => listImportJobs(ctx.db, ctx.actor, input)),
});
