import { COL } from './event-columns.ts';
import { numberSlot, wordSlot } from './packed-rows.ts';

// Where CountAccumulator.addPacked() and RegisterTally.addPacked() find a row's parts in PackedRows.
export const W_COUNTRY = wordSlot(COL.country);
export const W_ADMIN1 = wordSlot(COL.admin1);
export const W_ADMIN2 = wordSlot(COL.admin2);
export const W_MONTH = wordSlot(COL.month);
export const W_VIOLENCE_TYPE = wordSlot(COL.violence_type);
export const W_ACTOR1 = wordSlot(COL.actor1);
export const W_ACTOR1_CATEGORY = wordSlot(COL.actor1_category);
export const W_ACTOR2 = wordSlot(COL.actor2);
export const W_ACTOR2_CATEGORY = wordSlot(COL.actor2_category);
export const W_ACTOR1_ASSOCIATED = wordSlot(COL.actor1_associated);
export const W_ACTOR2_ASSOCIATED = wordSlot(COL.actor2_associated);
export const N_LATITUDE = numberSlot(COL.latitude);
export const N_LONGITUDE = numberSlot(COL.longitude);
export const N_FATALITIES = numberSlot(COL.fatalities);
export const N_CIVILIAN_FATALITIES = numberSlot(COL.civilian_fatalities);
export const N_CIVILIAN_TARGETING = numberSlot(COL.civilian_targeting);
export const N_CIVILIAN_TARGETING_DERIVED = numberSlot(COL.civilian_targeting_derived);
