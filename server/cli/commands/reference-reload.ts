import { loadReferenceDictionary } from "@/server/substances/reference";
import type { CliCommand } from "../command";

export const referenceReloadCommand: CliCommand = {
  name: "reference reload",
  synopsis: "reference reload",
  summary: "reloads the shipped substance dictionary (keeps staff corrections)",
  async run(db, _args, _argv, out) {
    const result = await loadReferenceDictionary(db, { force: true });
    out.result(result, `reference dictionary ${result.version}: ${result.loaded} substances`);
  },
};
