import type { Db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { advanceSample } from "./sample-find";
import type { EvaluateSampleInput } from "./sample.schemas";

const RESULT = { pass: { zh: "合格", en: "passed" }, fail: { zh: "不合格", en: "failed" } } as const;

/** The buyer evaluates the sample it received: pass or fail, with a note (required for a fail); the supplier is told. */
export async function evaluateSample(db: Db, actor: Actor, input: EvaluateSampleInput) {
  const result = RESULT[input.result];
  const note = input.note ? { zh: `：${input.note}`, en: `: ${input.note}` } : { zh: "", en: "" };
  return advanceSample(db, actor, input.inquiryId, "evaluated", {
    set: { evaluatedAt: new Date(), evaluatedBy: actor.userId, result: input.result, evaluationNote: input.note },
    message: { zh: `样品评估：${result.zh}${note.zh}`, en: `Sample evaluation: ${result.en}${note.en}` },
    notice: (subject) => ({
      zh: `“${subject}”的样品评估结果：${result.zh}${note.zh}`,
      en: `The sample for "${subject}" ${result.en} evaluation${note.en}`,
    }),
  });
}
