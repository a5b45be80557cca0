/**
 * The words of the catalogue: grades and forms, and the Chinese or English words catalogues use
 * for them. No imports, so forms in the browser can use it too.
 */
export const GRADES = ["industrial", "reagent", "electronic", "pharma", "food"] as const;
export const FORMS = ["liquid", "solid", "gas"] as const;
export const DOCUMENT_KINDS = ["tds", "sds", "other"] as const;
export type Grade = (typeof GRADES)[number];
export type Form = (typeof FORMS)[number];

/** The words catalogues use for a grade, Chinese or English (case and spaces ignored). */
const GRADE_WORDS: Record<Grade, string[]> = {
  industrial: ["工业级", "工业", "工业品", "industrial", "industrial grade", "technical", "technical grade", "tech"],
  reagent: ["试剂级", "试剂", "分析纯", "化学纯", "优级纯", "reagent", "reagent grade", "ar", "cp", "gr"],
  electronic: ["电子级", "电子", "electronic", "electronic grade", "semiconductor", "el", "up", "up-s", "ups", "ele"],
  pharma: ["医药级", "医药", "药用", "药用级", "pharma", "pharmaceutical", "pharmaceutical grade", "usp", "ep", "bp"],
  food: ["食品级", "食品", "食用", "food", "food grade", "fcc"],
};
const FORM_WORDS: Record<Form, string[]> = {
  liquid: ["液体", "液态", "液", "liquid"],
  solid: ["固体", "固态", "固", "粉末", "solid", "powder"],
  gas: ["气体", "气态", "气", "gas"],
};

const key = (word: string) => word.trim().toLowerCase().replace(/\s+/g, " ");
const lookup = <T extends string>(table: Record<T, string[]>) => {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, string[]][]) {
    map.set(value, value);
    for (const w of words) map.set(key(w), value);
  }
  return (word: string): T | null => map.get(key(word)) ?? null;
};

export const gradeFromWord = lookup(GRADE_WORDS);
export const formFromWord = lookup(FORM_WORDS);

