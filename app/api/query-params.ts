/**
 * The query string of an export route: `param(key)` is the value, or undefined when it is missing
 * or empty; `parkId` is `?park=` as a number for the procedure's input to check (a value that is not
 * a whole number reads as NaN, which the input rejects, naming the parameter).
 */
export function queryParams(req: Request) {
  const url = new URL(req.url);
  const param = (key: string) => url.searchParams.get(key) || undefined;
  const park = param("park");
  return { param, parkId: park === undefined ? undefined : /^\d+$/.test(park) ? Number(park) : Number.NaN };
}
