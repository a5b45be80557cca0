import { describe, expect, it } from "vitest";
import { placeName } from "./place-name";

describe("place names in English", () => {
  it("writes a Chinese city in pinyin as maps do and leaves Latin names alone", () => {
    expect(placeName("南通", "en")).toBe("Nantong");
    expect(placeName("连云港", "en")).toBe("Lianyungang");
    expect(placeName("南通", "zh")).toBe("南通");
    expect(placeName("Shanghai", "en")).toBe("Shanghai");
    expect(placeName(null, "en")).toBe("");
  });
});
