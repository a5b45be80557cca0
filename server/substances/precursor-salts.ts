/**
 * Salts of category 1 and 2 precursor chemicals are controlled as the substance itself
 * (《易制毒化学品管理条例》, appendix: "所列物质可能存在的盐类，也纳入管制"). The list names no salts, so a
 * dictionary substance counts as one when one of its names says so: the listed name with an acid
 * before it or "…盐" after it (盐酸麻黄素, 麻黄素盐酸盐, 酒石酸麦角胺; "ephedrine hydrochloride",
 * "ergotamine tartrate"), or a listed acid with a metal or ammonium after it (苯乙酸钠; "sodium
 * phenylacetate"). Only whole names count, so esters and relatives (苯乙酸乙酯, 2-甲基哌啶,
 * "ethyl phenylacetate") are never taken for salts.
 */

export interface PrecursorBase {
  category: number;
  /** lower-case names of the listed substance, Chinese and English */
  zh: string[];
  en: string[];
}

const ACIDS_ZH = ["盐酸", "氢溴酸", "氢碘酸", "硫酸", "硫酸氢", "磷酸", "硝酸", "酒石酸", "重酒石酸", "马来酸", "柠檬酸", "枸橼酸", "草酸", "甲磺酸", "醋酸", "乙酸", "苯磺酸", "富马酸"];
const CATIONS_ZH = ["钠", "钾", "钙", "镁", "锂", "铵", "锌"];
const ANIONS_EN = [
  "hydrochloride", "hydrobromide", "hydroiodide", "sulfate", "sulphate", "bisulfate", "phosphate", "nitrate", "tartrate", "bitartrate",
  "maleate", "citrate", "oxalate", "mesylate", "methanesulfonate", "acetate", "besylate", "fumarate", "salt",
];
const CATIONS_EN = ["sodium", "potassium", "calcium", "magnesium", "lithium", "ammonium", "zinc"];

/** "(APAAN)" and other bracketed abbreviations are not part of the name a salt is written with. */
const bare = (name: string) => name.replace(/\s*[(（][^)）]*[)）]\s*$/u, "").trim().toLowerCase();

/** The names of the listed substances whose salts are controlled, with the usual variant 麻黄素 = 麻黄碱. */
export function precursorBaseNames(listed: { category: number; nameZh: string; nameEn: string }[]): PrecursorBase[] {
  return listed.map((l) => {
    const zh = bare(l.nameZh);
    return {
      category: l.category,
      zh: [...new Set([zh, zh.replace(/麻黄素$/u, "麻黄碱")].filter(Boolean))],
      en: [bare(l.nameEn)].filter(Boolean),
    };
  });
}

/** Every name a salt of these substances is written with, and the category it takes (the lowest, when several). */
export function saltNames(bases: PrecursorBase[]): Map<string, number> {
  const names = new Map<string, number>();
  const put = (name: string, category: number) => names.set(name, Math.min(names.get(name) ?? category, category));
  for (const base of bases) {
    for (const zh of base.zh) {
      for (const acid of ACIDS_ZH) {
        put(`${acid}${zh}`, base.category);
        put(`${zh}${acid}盐`, base.category);
      }
      if (zh.endsWith("酸")) for (const cation of CATIONS_ZH) put(`${zh}${cation}`, base.category);
    }
    for (const en of base.en) {
      for (const anion of ANIONS_EN) put(`${en} ${anion}`, base.category);
      if (en.endsWith(" acid")) {
        const stem = en.slice(0, -" acid".length).replace(/ic$/, "ate");
        if (stem.endsWith("ate")) for (const cation of CATIONS_EN) put(`${cation} ${stem}`, base.category);
      }
    }
  }
  return names;
}

/** The category a substance has as the salt of a listed category 1 or 2 substance, by its names; null when none. */
export function saltOf(names: (string | null | undefined)[], salts: Map<string, number>): number | null {
  let found: number | null = null;
  for (const raw of names) {
    if (!raw) continue;
    const category = salts.get(raw.trim().toLowerCase().replace(/\s+/g, " "));
    if (category !== undefined) found = found === null ? category : Math.min(found, category);
  }
  return found;
}
