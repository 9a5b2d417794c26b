import { z } from 'zod';
import { LANGUAGES } from '../domain/language.ts';

/**
 * The language the sentences of an answer are written in (findings, alerts, notes): `en` (the
 * default, whose text is a contract) or `fr`. Only the words change; the fields stay the same.
 */
export const languageInput = z.enum(LANGUAGES).optional();
