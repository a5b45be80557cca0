import { parseArgs } from "node:util";
import { systemActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { createParkInput } from "@/server/parks/park.schemas";
import { createPark } from "@/server/parks/park.service";
import { translator, validationText } from "@/i18n";
import type { CliCommand } from "../command";

export const parkAddCommand: CliCommand = {
  name: "park add",
  synopsis: "park add --code C --name N [--city X] [--name-en E]",
  summary: "creates a park",
  async run(db, _args, argv, out) {
    const { values } = parseArgs({
      args: argv, allowPositionals: true, strict: false,
      options: { code: { type: "string" }, name: { type: "string" }, city: { type: "string" }, "name-en": { type: "string" } },
    });
    const parsed = createParkInput.safeParse({
      code: values.code ?? "", name: values.name ?? "", city: values.city, nameEn: values["name-en"],
    });
    if (!parsed.success) {
      const zh = translator("zh"), en = translator("en");
      const problems = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${validationText(zh, i.message)} / ${validationText(en, i.message)}`);
      throw new AppError("INVALID", { zh: problems.join("; "), en: problems.join("; ") });
    }
    const park = await createPark(db, systemActor, parsed.data);
    out.result({ id: park.id, code: park.code, name: park.name, city: park.city }, `created park ${park.code} ${park.name} (id ${park.id})`);
  },
};
