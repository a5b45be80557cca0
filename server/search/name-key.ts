/**
 * The exact form of a name, for "is the query this substance's name?": Unicode-compatibility
 * folded (full-width letters, digits and punctuation as ASCII: "Ｎ，Ｎ" is "N,N"), lower case,
 * runs of spaces as one. Product documents carry the keys of every name they are known by
 * (`nameKeys`, filterable) and the search compares the query's key with them (server/search/query.ts).
 * No imports: the search page may use it too.
 */
export function nameKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Keys longer than any query can be (the search box takes 100 characters) are never asked for. */
export const MAX_NAME_KEY = 100;

/** The distinct keys of these names, without empty or over-long ones. */
export function nameKeys(names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = name ? nameKey(name) : "";
    if (key && key.length <= MAX_NAME_KEY) keys.add(key);
  }
  return [...keys];
}
