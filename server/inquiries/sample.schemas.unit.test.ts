import { describe, expect, it } from "vitest";
import { sampleUnitEnum } from "@/db/schema";
import { evaluateSampleInput, markSampleSentInput, requestSampleInput, SAMPLE_UNITS } from "./sample.schemas";

const valid = { source: { kind: "product", id: 1 }, quantity: 500, unit: "g", deliveryAddress: "江苏省南通市通达路 88 号", purpose: "小试" };
/** the message key of the first issue on a field */
const keyOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
  result.error?.issues.find((i) => i.path[0] === field)?.message;

describe("sample form schemas (shared by the browser and the server)", () => {
  it("know the units of the database", () => {
    expect([...SAMPLE_UNITS]).toEqual(sampleUnitEnum.enumValues);
  });

  it("take a sample request and trim it; a missing subject and note become null", () => {
    expect(requestSampleInput.parse({ ...valid, purpose: "  小试  ", note: " " })).toMatchObject({ purpose: "小试", note: null, subject: null, unit: "g" });
  });

  it.each([
    ["quantity", { quantity: 0 }, "sample.quantity_positive"],
    ["quantity", { quantity: -1 }, "sample.quantity_positive"],
    ["quantity", { quantity: 1001 }, "sample.quantity_max?max=1000"],
    ["quantity", { quantity: 0.0001 }, "sample.quantity_decimals"],
    ["quantity", { quantity: undefined }, "field.required"],
    ["unit", { unit: "t" }, "sample.unit_invalid"],
    ["deliveryAddress", { deliveryAddress: " 南通 " }, "sample.address_required"],
    ["purpose", { purpose: "" }, "sample.purpose_required"],
  ])("refuses a bad %s with its message key (%o)", (field, change, key) => {
    expect(keyOf(requestSampleInput.safeParse({ ...valid, ...change }), field)).toBe(key);
  });

  it("wants a tracking note to send, and a reason to fail a sample", () => {
    expect(keyOf(markSampleSentInput.safeParse({ inquiryId: 1, trackingNote: " " }), "trackingNote")).toBe("sample.tracking_required");
    expect(keyOf(evaluateSampleInput.safeParse({ inquiryId: 1, result: "fail", note: "" }), "note")).toBe("sample.fail_note_required");
    expect(evaluateSampleInput.safeParse({ inquiryId: 1, result: "pass" }).success).toBe(true);
    expect(keyOf(evaluateSampleInput.safeParse({ inquiryId: 1 }), "result")).toBe("sample.result_required");
  });
});
