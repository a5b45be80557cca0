/**
 * `npm run cli -- <command>`: the same domain services as the web app, for park staff and
 * integrations. Uses DATABASE_URL / MEILI_URL when set, otherwise the embedded services under
 * DATA_DIR (joining them when the web server already runs). `--json` prints JSON.
 */
import { parseArgs } from "node:util";
import "@/server/env"; // validates the configuration before anything starts
import { closeDb, getDb } from "@/db";
import { prepareDatabase } from "@/server/platform/install";
import { connectServices } from "@/server/platform/services";
import { AppError } from "@/server/errors";
import type { CliOutput } from "./command";
import { COMMANDS, usage } from "./commands";

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const json = Boolean(values.json);
  const out: CliOutput = {
    result: (data, text) => console.log(json ? JSON.stringify(data, null, 2) : text),
  };

  const name = positionals.slice(0, 2).join(" ");
  const command = COMMANDS.find((c) => name === c.name || positionals[0] === c.name);
  if (values.help || !command) {
    if (!values.help && positionals.length) console.error(`Unknown command: ${positionals.join(" ")}\n`);
    console.error(usage());
    return values.help ? 0 : 2;
  }
  const args = positionals.slice(command.name.split(" ").length);

  // joins the services the launcher runs (and leaves them running), or starts its own and stops them at the end
  let services: Awaited<ReturnType<typeof connectServices>>;
  try {
    services = await connectServices((line) => !json && console.error(`[parklink] ${line}`));
  } catch (e) {
    const message = (e as Error).message;
    if (json) console.log(JSON.stringify({ error: { message } }, null, 2));
    console.error(`Error: ${message}`);
    return 1;
  }
  try {
    await prepareDatabase(services.databaseUrl);
    await command.run(getDb(), args, argv, out);
    return 0;
  } catch (e) {
    const message = e instanceof AppError ? `${e.messages.zh}\n${e.messages.en}` : (e as Error).message;
    if (json) console.log(JSON.stringify({ error: e instanceof AppError ? { code: e.code, ...e.messages } : { message } }, null, 2));
    console.error(`Error: ${message}`);
    return 1;
  } finally {
    await closeDb();
    await services.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
