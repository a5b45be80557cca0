/** The substance view of the chain map for one CAS number in one park. */
export const substanceHref = (parkId: number, cas: string) => `/park/chain-map/substance/${encodeURIComponent(cas)}?park=${parkId}`;
