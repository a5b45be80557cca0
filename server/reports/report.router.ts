import { LOCALES } from "@/i18n";
import { protectedProcedure, router } from "@/server/api/trpc";
import { z } from "@/server/zod";
import { exportDashboard, exportLedger } from "./export";
import { handbook } from "./handbook.service";
import { flowLedger } from "./ledger.service";
import { handbookInput, ledgerExportInput, ledgerInput, reportFilters } from "./report.schemas";
import { dashboard } from "./report.service";

export const reportRouter = router({
  dashboard: protectedProcedure.input(reportFilters).query(({ ctx, input }) => dashboard(ctx.db, ctx.actor, input)),
  // the export speaks the language of the UI that asks for it (its headers and vocabulary; the figures are the same)
  exportDashboard: protectedProcedure
    .input(reportFilters.and(z.object({ locale: z.enum(LOCALES).optional() })))
    .query(({ ctx, input: { locale, ...filters } }) => exportDashboard(ctx.db, ctx.actor, filters, locale)),
  ledger: protectedProcedure.input(ledgerInput).query(({ ctx, input }) => flowLedger(ctx.db, ctx.actor, input)),
  exportLedger: protectedProcedure
    .input(ledgerExportInput)
    .query(({ ctx, input }) => exportLedger(ctx.db, ctx.actor, input)),
  handbook: protectedProcedure.input(handbookInput).query(({ ctx, input }) => handbook(ctx.db, ctx.actor, input)),
});
