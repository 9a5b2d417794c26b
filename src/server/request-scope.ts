/** What a brief or an export covers, as its request's query names it (for the file's name). */
export function scopeOf(query: URLSearchParams): {
  country?: string;
  admin1?: string;
  from?: string;
  to?: string;
} {
  const get = (k: string) => query.get(k) ?? undefined;
  return { country: get('country'), admin1: get('admin1'), from: get('from'), to: get('to') };
}
