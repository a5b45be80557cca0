import { protectedProcedure, router } from "@/server/api/trpc";
import { exportDashboard, exportLedger } from "./export";
import { handbook } from "./handbook.service";
import { flowLedger } from "./ledger.service";
import { handbookInput, ledgerExportInput, ledgerInput, reportFilters } from "./report.schemas";
import { dashboard } from "./report.service";

export const reportRouter = router({
  dashboard: protectedProcedure.input(reportFilters).query(({ ctx, input }) => dashboard(ctx.db, ctx.actor, input)),
  exportDashboard: protectedProcedure.input(reportFilters).query(({ ctx, input }) => exportDashboard(ctx.db, ctx.actor, input)),
  ledger: protectedProcedure.input(ledgerInput).query(({ ctx, input }) => flowLedger(ctx.db, ctx.actor, input)),
  exportLedger: protectedProcedure
    .input(ledgerExportInput)
    .query(({ ctx, input }) => exportLedger(ctx.db, ctx.actor, input)),
  handbook: protectedProcedure.input(handbookInput).query(({ ctx, input }) => handbook(ctx.db, ctx.actor, input)),
});
