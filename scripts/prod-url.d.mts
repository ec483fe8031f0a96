/** Replaces every occurrence of urlDev (and of its bare origin) with urlProd (and its origin). */
export function toProductionUrls(text: string, urlDev: string, urlProd: string): string;
