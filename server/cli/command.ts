import type { Db } from "@/db";

/** What every CLI command is: server/cli/commands.ts lists them, server/cli/main.ts runs them. */
export interface CliOutput {
  /** prints `data` as JSON with --json, otherwise `text` */
  result(data: unknown, text: string): void;
}

export interface CliCommand {
  name: string;
  synopsis: string;
  summary: string;
  /** args: positionals after the command name; argv: the whole command line, for its own options */
  run(db: Db, args: string[], argv: string[], out: CliOutput): Promise<void>;
}
