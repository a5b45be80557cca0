import { describe, expect, it } from "vitest";
import { enterpriseName } from "./names";

describe("enterpriseName", () => {
  it("shows the registered English name in English and the registered name in Chinese", () => {
    const e = { name: "江苏滨江精细化工有限公司", nameEn: "Jiangsu Binjiang Fine Chemicals Co., Ltd." };
    expect(enterpriseName(e, "en")).toBe("Jiangsu Binjiang Fine Chemicals Co., Ltd.");
    expect(enterpriseName(e, "zh")).toBe("江苏滨江精细化工有限公司");
  });
  it("keeps the registered name in English when there is no English one", () => {
    expect(enterpriseName({ name: "南通康宁药业有限公司", nameEn: null }, "en")).toBe("南通康宁药业有限公司");
    expect(enterpriseName({ name: "南通康宁药业有限公司" }, "en")).toBe("南通康宁药业有限公司");
  });
});
