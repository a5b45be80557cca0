import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { enterprises } from "@/db/schema";
import { systemActor, type Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { LICENCE_TYPES } from "@/server/licences/licence.schemas";
import { addLicence } from "@/server/licences/licence.service";
import type { CliCommand, CliOutput } from "../command";

/** The licence types as the command line writes them: `precursor-purchase-record` for `precursor_purchase_record`. */
const kebab = (type: string) => type.replace(/_/g, "-");
const TYPE_BY_NAME = new Map(LICENCE_TYPES.map((t) => [kebab(t), t]));

const invalid = (zh: string, en: string) => new AppError("INVALID", { zh, en });

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
function isDay(text: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * `licence add`: records an enterprise's licence through the licence service, as `actor` (the
 * CLI runs as park staff of every park; tests pass others). `--verified` records it as verified by
 * park staff at once, which the service allows only to those who may verify.
 */
export async function runLicenceAdd(db: Db, actor: Actor, argv: string[], out: CliOutput) {
  const { values } = parseArgs({
    args: argv, allowPositionals: true, strict: false,
    options: {
      enterprise: { type: "string" }, type: { type: "string" }, number: { type: "string" }, expires: { type: "string" },
      scope: { type: "string" }, verified: { type: "boolean" },
    },
  });
  const text = (key: string) => (typeof values[key as keyof typeof values] === "string" ? (values[key as keyof typeof values] as string).trim() : "");
  const uscc = text("enterprise").toUpperCase();
  if (!uscc) throw invalid("--enterprise 需要企业的统一社会信用代码", "--enterprise needs the enterprise's unified social credit code");
  const typeName = text("type");
  const type = TYPE_BY_NAME.get(typeName);
  if (!type) {
    const known = [...TYPE_BY_NAME.keys()].join(", ");
    throw invalid(`--type：未知的证照类型“${typeName}”，可选：${known}`, `--type: unknown licence type "${typeName}"; one of: ${known}`);
  }
  const number = text("number");
  if (!number) throw invalid("--number 需要证照编号", "--number needs the licence number");
  if (number.length > 80) throw invalid("--number：证照编号最多 80 个字符", "--number: at most 80 characters");
  const expires = text("expires");
  if (!isDay(expires)) throw invalid(`--expires：“${expires}”不是有效日期，请写成 YYYY-MM-DD`, `--expires: "${expires}" is not a valid date; write YYYY-MM-DD`);
  const scope = text("scope") || null;
  if (scope && scope.length > 500) throw invalid("--scope：许可范围最多 500 个字符", "--scope: at most 500 characters");

  const [enterprise] = await db.select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.uscc, uscc));
  if (!enterprise) throw invalid(`--enterprise：没有统一社会信用代码为 ${uscc} 的企业`, `--enterprise: no enterprise with credit code ${uscc}`);

  const verified = values.verified === true;
  const row = await addLicence(db, actor, { enterpriseId: enterprise.id, type, number, scope, validUntil: expires }, { verified });
  out.result(
    {
      id: row.id, enterprise: { uscc: enterprise.uscc, name: enterprise.name }, type: kebab(row.type), number: row.number,
      scope: row.scope, expires: row.validUntil, verified: row.verifiedAt !== null,
    },
    `recorded ${kebab(row.type)} ${row.number} for ${enterprise.name} (${enterprise.uscc}), valid until ${row.validUntil}${row.verifiedAt ? ", verified" : ", waiting for verification"}`,
  );
}

export const licenceAddCommand: CliCommand = {
  name: "licence add",
  synopsis: "licence add --enterprise USCC --type T --number N --expires YYYY-MM-DD [--scope S] [--verified]",
  summary: `records a licence (T: ${LICENCE_TYPES.map(kebab).join(", ")})`,
  run: (db, _args, argv, out) => runLicenceAdd(db, systemActor, argv, out),
};
