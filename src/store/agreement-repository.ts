import type { Kysely } from 'kysely';
import { type AgreementFormat, agreementTextKey } from '../domain/agreement.ts';
import type { Coverage, Provision } from '../domain/provision.ts';
import type { Database } from './schema.ts';

export interface AgreementToSave {
  title: string;
  sourcePath: string;
  format: AgreementFormat;
  contentHash: string;
  text: string;
  coverage: Coverage;
  provisions: Provision[];
  /** Its provisions as the review counts them: not its title, headings or front matter. */
  provisionCount: number;
  /** The language the text was coded in (ISO 639-1, `und`). */
  language: string;
}

export interface SavedAgreement {
  id: number;
  title: string;
  /** `unchanged` when the same text was imported before (matched by content hash). */
  status: 'imported' | 'unchanged';
  provisions: number;
  codes: number;
}

export interface AgreementSummary {
  id: number;
  title: string;
  sourcePath: string;
  format: string;
  characters: number;
  importedAt: string;
  provisions: number;
  coverage: Coverage;
  /** Null for an agreement stored before the language was kept. */
  language: string | null;
}

/**
 * Stores an agreement with its provisions and codes in one transaction, so an import either lands
 * whole or not at all. The same text imported twice is recognised by its hash and left as it is.
 */
/** Gives agreements stored before their words were keyed (migration 034) their key, once. */
async function keyOlderAgreements(db: Kysely<Database>): Promise<void> {
  const older = await db
    .selectFrom('agreements')
    .select(['id', 'text'])
    .where('text_key', 'is', null)
    .execute();
  for (const r of older)
    await db
      .updateTable('agreements')
      .set({ text_key: agreementTextKey(r.text) })
      .where('id', '=', r.id)
      .execute();
}

export async function saveAgreement(db: Kysely<Database>, a: AgreementToSave): Promise<SavedAgreement> {
  const textKey = agreementTextKey(a.text);
  return db.transaction().execute(async (trx) => {
    await keyOlderAgreements(trx);
    // The same text, or the same words from another file of it (its PDF after its Word file).
    const existing = await trx
      .selectFrom('agreements')
      .select(['id', 'title'])
      .where((w) => w.or([w('content_hash', '=', a.contentHash), w('text_key', '=', textKey)]))
      .orderBy('id')
      .executeTakeFirst();
    const codeCount = a.provisions.reduce((n, p) => n + p.codes.length, 0);
    if (existing) {
      return {
        id: existing.id,
        title: existing.title,
        status: 'unchanged',
        provisions: a.provisionCount,
        codes: codeCount,
      };
    }
    const { id } = await trx
      .insertInto('agreements')
      .values({
        title: a.title,
        source_path: a.sourcePath,
        format: a.format,
        content_hash: a.contentHash,
        characters: a.text.length,
        text: a.text,
        coverage: JSON.stringify(a.coverage),
        imported_at: new Date().toISOString(),
        language: a.language,
        text_key: textKey,
        provision_count: a.provisionCount,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Provisions one at a time keep their generated ids simple to read back on both databases;
    // only coded provisions need an id, so the rest go in chunks.
    const chunk = 200;
    const coded = a.provisions.filter((p) => p.codes.length > 0);
    const plain = a.provisions.filter((p) => p.codes.length === 0);
    const row = (p: Provision) => ({
      agreement_id: id,
      provision_id: p.id,
      number: p.number,
      heading: p.heading,
      kind: p.kind,
      span_start: p.start,
      span_end: p.end,
      text: p.text,
    });
    for (let i = 0; i < plain.length; i += chunk) {
      await trx
        .insertInto('agreement_provisions')
        .values(plain.slice(i, i + chunk).map(row))
        .execute();
    }
    const codeRows = [];
    for (const p of coded) {
      const { id: rowId } = await trx
        .insertInto('agreement_provisions')
        .values(row(p))
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const c of p.codes) {
        codeRows.push({
          agreement_id: id,
          provision_row_id: rowId,
          code: c.code,
          span_start: c.span.start,
          span_end: c.span.end,
          rule: c.rule,
          why: c.why,
        });
      }
    }
    for (let i = 0; i < codeRows.length; i += chunk) {
      await trx
        .insertInto('provision_codes')
        .values(codeRows.slice(i, i + chunk))
        .execute();
    }
    return {
      id,
      title: a.title,
      status: 'imported',
      provisions: a.provisionCount,
      codes: codeRows.length,
    };
  });
}

export async function listAgreements(db: Kysely<Database>): Promise<AgreementSummary[]> {
  const rows = await db
    .selectFrom('agreements')
    .leftJoin('agreement_provisions', 'agreement_provisions.agreement_id', 'agreements.id')
    .select((eb) => [
      'agreements.id',
      'agreements.title',
      'agreements.source_path',
      'agreements.format',
      'agreements.characters',
      'agreements.imported_at',
      'agreements.coverage',
      'agreements.language',
      'agreements.provision_count',
      eb.fn.count<number>('agreement_provisions.id').as('provisions'),
    ])
    .groupBy([
      'agreements.id',
      'agreements.title',
      'agreements.source_path',
      'agreements.format',
      'agreements.characters',
      'agreements.imported_at',
      'agreements.coverage',
      'agreements.language',
      'agreements.provision_count',
    ])
    .orderBy('agreements.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    sourcePath: r.source_path,
    format: r.format,
    characters: Number(r.characters),
    importedAt: r.imported_at,
    // As the review counted them; an agreement stored before that was kept, by its stored parts.
    provisions: r.provision_count ?? Number(r.provisions),
    coverage: JSON.parse(r.coverage) as Coverage,
    language: r.language,
  }));
}

/** The stored texts of the agreements `ids`, by id. */
export async function readAgreementTexts(
  db: Kysely<Database>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('agreements')
    .select(['id', 'text'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}
