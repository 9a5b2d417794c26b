/**
 * GED writes an administrative area with its kind after the name, in lower case: "Bangui
 * province", "Ségou region", "Upper Nile state", "Tibet autonomous region". ACLED, the maps and a
 * mission's own reports write the name alone ("Bangui", "Ségou"), so a store holding both sources
 * would count one province as two. The kind is dropped on reading; a capitalised word is part of
 * the name ("Federal Capital Territory", "Western Region" as a partner may write it) and stays.
 * HXL sheets, often made from GED, have their admin-1 names read by the same rule.
 */
const KIND_WORDS = new Set([
  'province',
  'provinces',
  'prefecture',
  'region',
  'state',
  'county',
  'district',
  'governorate',
  'department',
  'division',
  'municipality',
  'commune',
  'oblast',
  'krai',
  'republic',
  'territory',
  'city',
  'capital',
  'autonomous',
  'zone',
  'wilaya',
  'sub-prefecture',
  'subprefecture',
  'circle',
  'cercle',
  // Kinds of admin-2 area GED writes in other countries.
  'arrondissement',
  'locality',
  'raion',
  'rayon',
  'woreda',
  'sub-county',
  'subcounty',
  'sub-district',
  'subdistrict',
  'chiefdom',
  'sector',
  'territoire',
  'payam',
  'emirate',
  // Nigeria's local government areas, as GED writes them ("Maiduguri LGA").
  'LGA',
]);

/** An admin name from GED without its trailing kind; the name as it is when nothing else would remain. */
export function gedAreaName(raw: string): string {
  const words = raw.trim().split(/\s+/);
  let end = words.length;
  while (end > 1 && KIND_WORDS.has(words[end - 1]!)) end--;
  return end === words.length ? raw.trim() : words.slice(0, end).join(' ');
}
