/**
 * What the RFQ matrix ranks the answers on, lowest first: for now the quoted unit price. The one
 * place to change when quotes are compared on 含税到厂价 (tax and delivery normalised).
 */
export function rankKey(quote: { priceCnyPerUnit: string }): number {
  return Number(quote.priceCnyPerUnit);
}
