import { seedDemo } from "@/server/seed/demo";
import type { CliCommand } from "../command";

export const seedDemoCommand: CliCommand = {
  name: "seed demo",
  synopsis: "seed demo",
  summary: "loads the demo data (once per database)",
  async run(db, _args, _argv, out) {
    const result = await seedDemo(db);
    out.result(result, result.seeded ? `demo seeded: ${JSON.stringify(result)}` : "demo data was already seeded");
  },
};
