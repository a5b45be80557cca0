import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { translator } from "@/i18n";
import { HazardBadges, type HazardFlags } from "./hazard-badges";

const render = (flags: HazardFlags, locale: "zh" | "en") => renderToStaticMarkup(createElement(HazardBadges, { flags, t: translator(locale) }));
const plain = { hazardous: false, highlyToxic: false, explosivePrecursor: false, precursorCategory: null };

describe("hazard badges", () => {
  it("show the 易制毒 flag with its category, in both languages", () => {
    const toluene = { ...plain, hazardous: true, precursorCategory: 3 };
    expect(render(toluene, "zh")).toContain("易制毒 第三类");
    expect(render(toluene, "zh")).toContain("危险化学品");
    expect(render(toluene, "en")).toContain("Precursor cat. 3");
    expect(render({ ...plain, precursorCategory: 1 }, "zh")).toContain("易制毒 第一类");
    expect(render({ ...plain, precursorCategory: 2 }, "en")).toContain("Precursor cat. 2");
  });

  it("show nothing for an unlisted substance", () => {
    expect(render(plain, "zh")).toBe("");
  });
});
