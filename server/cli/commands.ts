import type { CliCommand } from "./command";
import { allocationCommand } from "./commands/allocation";
import { importAgreementsCommand } from "./commands/import-agreements";
import { importCatalogueCommand } from "./commands/import-catalogue";
import { importEnterprisesCommand } from "./commands/import-enterprises";
import { insightsCommand } from "./commands/insights";
import { ledgerCommand } from "./commands/ledger";
import { licenceAddCommand } from "./commands/licence-add";
import { matchCommand } from "./commands/match";
import { parkAddCommand } from "./commands/park-add";
import { reportCommand } from "./commands/report";
import { referenceReloadCommand } from "./commands/reference-reload";
import { reindexCommand } from "./commands/reindex";
import { searchCommand } from "./commands/search";
import { seedDemoCommand } from "./commands/seed-demo";

export const COMMANDS: CliCommand[] = [
  parkAddCommand, importEnterprisesCommand, importCatalogueCommand, importAgreementsCommand, searchCommand, matchCommand, reportCommand,
  ledgerCommand, reindexCommand, seedDemoCommand, referenceReloadCommand, licenceAddCommand, allocationCommand,
  insightsCommand,
];

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.synopsis.length));
  return [
    "Usage: npm run cli -- <command> [options] [--json]",
    "",
    ...COMMANDS.map((c) => `  ${c.synopsis.padEnd(width)}  ${c.summary}`),
  ].join("\n");
}
