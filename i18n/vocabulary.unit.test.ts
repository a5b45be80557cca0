import { describe, expect, it } from "vitest";
import { chainName, chainNames, isTranslated, parkName, substanceName } from "./vocabulary";

describe("the names the English UI translates", () => {
  it("turns the platform's chains into English and keeps a typed chain as it is", () => {
    expect(chainName("精细化工", "en")).toBe("Fine chemicals");
    expect(chainName("精细化工", "zh")).toBe("精细化工");
    expect(chainName("氟化工", "en")).toBe("氟化工");
    expect(chainNames(["精细化工", "基础化工"], "en")).toBe("Fine chemicals, Basic chemicals");
    expect(chainNames(["精细化工", "基础化工"], "zh")).toBe("精细化工、基础化工");
  });

  it("names parks and substances in English where they have an English name, else in Chinese", () => {
    expect(parkName({ name: "滨江化学工业园", nameEn: "Binjiang Chemical Park" }, "en")).toBe("Binjiang Chemical Park");
    expect(parkName({ name: "滨江化学工业园", nameEn: null }, "en")).toBe("滨江化学工业园");
    expect(parkName({ name: "滨江化学工业园", nameEn: "Binjiang Chemical Park" }, "zh")).toBe("滨江化学工业园");
    expect(substanceName({ nameZh: "甲醇", nameEn: "Methanol" }, "en")).toBe("Methanol");
    expect(substanceName({ nameZh: "甲醇", nameEn: "Methanol" }, "zh")).toBe("甲醇");
    expect(substanceName({ name: "粗甲醇" }, "en")).toBe("粗甲醇");
    expect(substanceName({ nameEn: "Lactose" }, "zh")).toBe("Lactose");
    expect(isTranslated("粗甲醇", "en")).toBe(false);
    expect(isTranslated("Methanol", "en")).toBe(true);
  });
});
