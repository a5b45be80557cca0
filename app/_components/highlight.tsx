/** The marks search puts around matched words (server/search/products.index.ts). */
const PRE = "\uE000";
const POST = "\uE001";

/** Text from search with its matched words marked, rendered as text (never as HTML). */
export function Highlighted({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  const parts: { text: string; hit: boolean }[] = [];
  let rest = text;
  while (rest) {
    const start = rest.indexOf(PRE);
    if (start < 0) {
      parts.push({ text: rest, hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
    const end = rest.indexOf(POST, start);
    const stop = end < 0 ? rest.length : end;
    parts.push({ text: rest.slice(start + 1, stop), hit: true });
    rest = end < 0 ? "" : rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** The same text without the marks. */
export const plainText = (text: string | null | undefined) => (text ?? "").replaceAll(PRE, "").replaceAll(POST, "");
