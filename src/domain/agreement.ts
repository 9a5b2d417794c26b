import { createHash } from 'node:crypto';
import type { Coverage, PocCategory, Provision } from './provision.ts';

/** The formats an agreement text can arrive in. */
export type AgreementFormat = 'txt' | 'md' | 'pdf' | 'docx';

/** An agreement as read: its title, the normalised text every span points into, and its provisions. */
export interface Agreement {
  title: string;
  format: AgreementFormat;
  /** The text after normalisation (line endings, hyphenation, PDF line breaks); spans index into it. */
  text: string;
  provisions: Provision[];
}

/** A provision from the user's own corpus that covers a category the reviewed text lacks. */
export interface Precedent {
  agreement: string;
  agreementId: number;
  provisionId: string;
  heading: string;
  excerpt: string;
}

/** A category the agreement does not cover, with what to do about it. */
export interface CoverageGap {
  code: PocCategory;
  label: string;
  /** Why the missing provision matters for civilians. */
  why: string;
  /** UN actors to engage on it. */
  engage: string[];
  /** Model language written for Tandem (not taken from any agreement), to adapt. */
  suggestion: string;
  precedents: Precedent[];
}

/** The review of one agreement: coded provisions, the coverage scorecard and the gaps. */
export interface AgreementReview {
  title: string;
  /**
   * The text's language: ISO 639-1 where the language has such a code (`en`, `fr`, `es`, `ar`),
   * else ISO 639-3 as detected (`ckb`), or `und` when it cannot be told.
   */
  language: string;
  /** False when Tandem has no rules for the language: then nothing is coded and no gap is claimed. */
  coded: boolean;
  /**
   * For the reader: why the text was not coded, or that it was coded in a language other than the
   * one it reads as (`--lang` forced), so its gaps are not reliable.
   */
  warning?: string;
  format: AgreementFormat;
  characters: number;
  provisions: Provision[];
  coverage: Coverage;
  /** How many provisions carry each category, for the scorecard. */
  counts: Record<PocCategory, number>;
  gaps: CoverageGap[];
  /**
   * Categories covered only by recitals of the preamble ("Deeply concerned by attacks on
   * civilians"): counted as PA-X counts them, but no one is committed to anything by them.
   */
  preambleOnly: PocCategory[];
  /**
   * Sentences that grant an amnesty or immunity, or waive prosecution, and keep no crime out of it,
   * with the provision they are in: the UN endorses no amnesty for genocide, crimes against
   * humanity, war crimes or gross violations of human rights, sexual violence among them.
   */
  impunity: { provision: string; quote: string }[];
  /** What the reader should know about how this was produced. */
  notes: string[];
}

/**
 * The key of an agreement's words: SHA-256 of its letters and digits, lower case, accents dropped.
 * The same agreement read from its Word, PDF and text files differs in line breaks, spacing and
 * hyphens, never in words, so it has one key; any changed word gives another.
 */
export function agreementTextKey(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(words).digest('hex');
}
