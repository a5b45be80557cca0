import "server-only";
import { pinyin } from "pinyin-pro";
import type { Locale } from "./index";

/**
 * A Chinese place name (a park's city) in English as the maps write it, from its pinyin: "南通" →
 * "Nantong", "连云港" → "Lianyungang"; names already in Latin letters as they are. Server side
 * only: the pinyin dictionary is too large for the browser (pages pass the result down).
 */
export function placeName(place: string | null | undefined, locale: Locale): string {
  if (!place) return "";
  if (locale === "zh" || !/[\u3400-\u9fff]/.test(place)) return place;
  const syllables = pinyin(place, { toneType: "none", type: "array", nonZh: "consecutive" }).join("");
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}
