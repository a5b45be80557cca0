import * as OpenCC from "opencc-js/t2cn";

/**
 * Traditional Chinese → Simplified, for search: queries and the Chinese fields of indexed documents
 * go through the same conversion, so 異丙醇 typed by a buyer (or written in a Hong Kong or Taiwan
 * supplier's catalogue) meets 异丙醇. OpenCC's Hong Kong and Taiwan variants, then the chemistry
 * characters OpenCC keeps as they are (醯 is standard Traditional for 酰; Taiwan writes silicon 矽).
 */
const fromHongKong = OpenCC.Converter({ from: "hk", to: "cn" });
const fromTaiwan = OpenCC.Converter({ from: "tw", to: "cn" });
const chemistry = OpenCC.CustomConverter([["醯", "酰"], ["矽", "硅"]]);

/** Only text with a CJK ideograph can change: everything else (English names, codes) is left alone cheaply. */
const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function toSimplified(text: string): string {
  if (!HAS_HAN.test(text)) return text;
  return chemistry(fromTaiwan(fromHongKong(text)));
}

/** The dictionary's names repeat across thousands of products: each is converted once. */
const memo = new Map<string, string>();
export function toSimplifiedMemo(text: string): string {
  if (!HAS_HAN.test(text)) return text;
  let out = memo.get(text);
  if (out === undefined) {
    if (memo.size > 50_000) memo.clear();
    out = toSimplified(text);
    memo.set(text, out);
  }
  return out;
}

/**
 * Search highlights the Simplified text it indexed; the page shows what the catalogue wrote. The
 * conversion is character for character for chemical names, so the marks go back onto the original
 * at the same places. When it is not (a phrase converted to one of another length), the original is
 * shown without marks rather than marks in the wrong places.
 */
export function highlightOnto(original: string, highlighted: string, pre: string, post: string): string {
  const source = [...original];
  const marked = [...highlighted];
  const plain = marked.filter((ch) => ch !== pre && ch !== post);
  if (plain.length !== source.length || plain.join("") !== toSimplified(original)) return original;
  let at = 0;
  return marked.map((ch) => (ch === pre || ch === post ? ch : source[at++])).join("");
}
