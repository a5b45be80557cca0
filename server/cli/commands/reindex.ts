import { systemActor } from "@/server/auth/actor";
import { reindex } from "@/server/search/reindex";
import type { CliCommand } from "../command";

export const reindexCommand: CliCommand = {
  name: "reindex",
  synopsis: "reindex",
  summary: "rebuilds the search indexes from PostgreSQL (search keeps answering meanwhile)",
  async run(db, _args, argv, out) {
    const json = argv.includes("--json");
    const result = await reindex(db, systemActor, { log: (line) => !json && console.error(`[reindex] ${line}`) });
    out.result(result, `reindexed ${result.products} products and ${result.enterprises} enterprises`);
  },
};
