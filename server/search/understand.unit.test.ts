import { describe, expect, it } from "vitest";
import { toHill } from "./formula";
import { referenceTerms } from "./reference-terms";
import { highlightOnto, toSimplified } from "./simplified";
import { understandQuery } from "./understand";

const read = (q: string) => understandQuery(q, referenceTerms());

describe("formulas in Hill order", () => {
  it.each([
    ["H2SO4", "H2O4S"],
    ["NaOH", "HNaO"],
    ["HCl", "ClH"],
    ["CH3OH", "CH4O"],
    ["CH3COOH", "C2H4O2"],
    ["CH2Cl2", "CH2Cl2"],
    ["C3H6O", "C3H6O"],
    ["Ca(OH)2", "CaH2O2"],
    ["(CH3)2CO", "C3H6O"],
    ["K4[Fe(CN)6]", "C6FeK4N6"],
    ["CuSO4·5H2O", "CuH10O9S"],
    ["CuSO4.5H2O", "CuH10O9S"],
    ["CO", "CO"],
    ["Co", "Co"],
  ])("%s is %s", (typed, hill) => {
    expect(toHill(typed)).toBe(hill);
  });

  it.each(["acetone", "MEK", "Ca(OH", "Ca)OH(2", "H0", "Xx2", "", "2", "h2so4"])("%s is no formula", (typed) => {
    expect(toHill(typed)).toBeNull();
  });

  it.each([
    ["H2SO4", "H2O4S"], ["NaOH", "HNaO"], ["HCl", "ClH"], ["CH3OH", "CH4O"], ["CH3COOH", "C2H4O2"], ["CH2Cl2", "CH2Cl2"],
    ["C3H6O", "C3H6O"], ["Ca(OH)2", "CaH2O2"], [" C3H6O ", "C3H6O"], ["H2SO4 98%", "H2O4S"],
  ])("the query %s looks up the formula %s", (q, hill) => {
    const u = read(q);
    expect(u.formulaHill).toBe(hill);
    expect(u.text).toBe("");
  });

  it.each(["BA", "PO", "EO", "SM", "CP", "DMC", "MEK", "DCM", "AA", "Co", "C", "I", "BP", "硫酸", "acetone", "H2SO4 溶液"])(
    "%s stays words (an abbreviation, a name, one symbol, or no known substance's formula)",
    (q) => {
      const u = read(q);
      expect(u.formulaHill).toBeNull();
      expect(u.text).not.toBe("");
    },
  );
});

describe("CAS numbers as pasted", () => {
  it.each([
    ["CAS 67-64-1", "67-64-1"],
    ["CAS No.: 67-64-1", "67-64-1"],
    ["CAS No. 108-88-3", "108-88-3"],
    ["CAS#67-64-1", "67-64-1"],
    ["CAS#7664-93-9", "7664-93-9"],
    ["CAS号 67-64-1", "67-64-1"],
    ["CAS号：67-64-1", "67-64-1"],
    ["cas: 67641", "67-64-1"],
    ["ＣＡＳ ６７－６４－１", "67-64-1"],
    ["异丙醇 67-63-0", "67-63-0"],
    ["Isopropyl alcohol, CAS RN 67-63-0, 99.9%", "67-63-0"],
    ["67-63-0", "67-63-0"],
    ["67630", "67-63-0"],
  ])("%s is the exact lookup %s", (q, cas) => {
    const u = read(q);
    expect(u.cas).toEqual([cas]);
    expect(u.casInvalid).toBe(false);
    expect(u.text).toBe("");
  });

  it("reads every CAS number of a pasted line", () => {
    expect(read("67-64-1 / 67-63-0").cas).toEqual(["67-64-1", "67-63-0"]);
  });

  it.each(["CAS 67-64-2", "67-63-1", "10887"])("%s has a wrong check digit: no lookup, and said so", (q) => {
    const u = read(q);
    expect(u.cas).toEqual([]);
    expect(u.casInvalid).toBe(true);
  });

  it("a CAS number in a name is no CAS number (the check digit decides), and a partial one is text", () => {
    expect(read("108-88").cas).toEqual([]);
    expect(read("108-88").text).toBe("108-88");
    expect(read("2-丙醇").cas).toEqual([]);
  });
});

describe("purity and grade conditions", () => {
  it.each([
    ["99.5% 异丙醇", 99.5, "异丙醇", "99.5%"],
    ["异丙醇 ≥99.5", 99.5, "异丙醇", "≥99.5"],
    ["异丙醇 >=99.5%", 99.5, "异丙醇", ">=99.5%"],
    ["异丙醇 99.5", 99.5, "异丙醇", "99.5"],
    ["99.5%异丙醇", 99.5, "异丙醇", "99.5%"],
    ["异丙醇 纯度≥99.9%", 99.9, "异丙醇", "纯度≥99.9%"],
    ["异丙醇 含量99%", 99, "异丙醇", "含量99%"],
    ["硫酸 98％", 98, "硫酸", "98％"],
  ])("%s: purity ≥ %d, text %s", (q, purity, text, raw) => {
    const u = read(q);
    expect(u.minPurity).toBe(purity);
    expect(u.text).toBe(text);
    expect(u.conditions).toContainEqual({ kind: "purity", value: purity, raw, without: text });
  });

  it("numbers that are no purity stay in the text", () => {
    expect(read("PEG 400").minPurity).toBeNull();
    expect(read("2-丙醇").minPurity).toBeNull();
    expect(read("C10-13氯代烃").minPurity).toBeNull();
  });

  it.each([
    ["工业级 异丙醇", "industrial"],
    ["异丙醇工业级", "industrial"],
    ["电子级异丙醇", "electronic"],
    ["丙酮 试剂级", "reagent"],
    ["丙酮 分析纯", "reagent"],
    ["丙酮 优级纯", "reagent"],
    ["丙酮 化学纯", "reagent"],
    ["乙醇 医药级", "pharma"],
    ["乙醇 食品级", "food"],
    ["异丙醇 EL", "electronic"],
    ["丙酮 AR", "reagent"],
    ["丙酮 GR", "reagent"],
    ["丙酮 CP", "reagent"],
    ["isopropanol industrial grade", "industrial"],
    ["isopropanol electronic grade", "electronic"],
    ["電子級 異丙醇", "electronic"],
  ])("%s asks for the grade %s", (q, grade) => {
    const u = read(q);
    expect(u.grades).toEqual([grade]);
    expect(u.text).not.toMatch(/级|級|grade|\b(EL|AR|GR|CP)\b/);
    expect(u.text.length).toBeGreaterThan(0);
  });

  it("a grade code alone is a word to search, not a filter on nothing", () => {
    expect(read("EP").grades).toEqual([]);
    expect(read("EP").text).toBe("EP");
  });

  it("reads purity, grade and words together, each condition removable on its own", () => {
    const u = read("电子级 异丙醇 ≥99.9%");
    expect(u).toMatchObject({ text: "异丙醇", minPurity: 99.9, grades: ["electronic"] });
    const purity = u.conditions.find((c) => c.kind === "purity")!;
    expect(purity.without).toBe("电子级 异丙醇");
    const grade = u.conditions.find((c) => c.kind === "grade")!;
    expect(grade.without).toBe("异丙醇 ≥99.9%");
  });
});

describe("Traditional Chinese", () => {
  it.each([
    ["異丙醇", "异丙醇"],
    ["環氧乙烷", "环氧乙烷"],
    ["過氧化氫", "过氧化氢"],
    ["氫氧化鈉", "氢氧化钠"],
    ["N,N-二甲基甲醯胺", "N,N-二甲基甲酰胺"],
    ["四氫呋喃", "四氢呋喃"],
    ["二氧化矽", "二氧化硅"],
  ])("%s is searched as %s", (q, simplified) => {
    const u = read(q);
    expect(u.text).toBe(simplified);
    expect(u.traditional).toBe(true);
  });

  it("leaves Simplified and English text as it is", () => {
    expect(toSimplified("异丙醇 isopropanol 99.5%")).toBe("异丙醇 isopropanol 99.5%");
    expect(read("异丙醇").traditional).toBe(false);
  });

  it("puts the highlight of the Simplified text back onto the Traditional name the catalogue wrote", () => {
    expect(highlightOnto("異丙醇 IPA", "\uE000异丙醇\uE001 IPA", "\uE000", "\uE001")).toBe("\uE000異丙醇\uE001 IPA");
    // not the same text: the original without marks rather than marks in the wrong place
    expect(highlightOnto("異丙醇", "\uE000乙醇\uE001", "\uE000", "\uE001")).toBe("異丙醇");
  });
});
