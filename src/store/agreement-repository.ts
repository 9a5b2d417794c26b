import type { Kysely } from 'kysely';
import type { AgreementFormat, Precedent } from '../domain/agreement.ts';
import type { Coverage, PocCategory, Provision } from '../domain/provision.ts';
import type { Database } from './schema.ts';

export interface AgreementToSave {
  title: string;
  sourcePath: string;
  format: AgreementFormat;
  contentHash: string;
  text: string;
  coverage: Coverage;
  provisions: Provision[];
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
}

/**
 * Stores an agreement with its provisions and codes in one transaction, so an import either lands
 * whole or not at all. The same text imported twice is recognised by its hash and left as it is.
 */
export async function saveAgreement(db: Kysely<Database>, a: AgreementToSave): Promise<SavedAgreement> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('agreements')
      .select(['id', 'title'])
      .where('content_hash', '=', a.contentHash)
      .executeTakeFirst();
    const codeCount = a.provisions.reduce((n, p) => n + p.codes.length, 0);
    if (existing) {
      return {
        id: existing.id,
        title: existing.title,
        status: 'unchanged',
        provisions: a.provisions.length,
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
      provisions: a.provisions.length,
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
    provisions: Number(r.provisions),
    coverage: JSON.parse(r.coverage) as Coverage,
  }));
}

export interface PrecedentOptions {
  /** At most this many precedents per category. */
  perCode?: number;
  /** Leave out the agreement with this content hash (the one under review, if imported). */
  excludeHash?: string;
}

/**
 * Provisions in the corpus that carry each of the given categories, preferring one per agreement,
 * each with an excerpt around the span that was coded.
 */
export async function findPrecedents(
  db: Kysely<Database>,
  codes: readonly PocCategory[],
  options: PrecedentOptions = {},
): Promise<Partial<Record<PocCategory, Precedent[]>>> {
  if (codes.length === 0) return {};
  const perCode = options.perCode ?? 3;
  let q = db
    .selectFrom('provision_codes as c')
    .innerJoin('agreement_provisions as p', 'p.id', 'c.provision_row_id')
    .innerJoin('agreements as a', 'a.id', 'c.agreement_id')
    .select([
      'c.code',
      'c.span_start',
      'c.span_end',
      'a.id as agreement_id',
      'a.title',
      'p.provision_id',
      'p.heading',
      'p.text',
      'p.span_start as provision_start',
      'p.kind',
    ])
    .where('c.code', 'in', [...codes])
    .orderBy('a.id')
    .orderBy('c.span_start')
    .limit(5000);
  if (options.excludeHash) q = q.where('a.content_hash', '<>', options.excludeHash);
  // Operative provisions make better precedents than a title or a preamble that names the topic.
  const weak = (kind: string) => (kind === 'title' || kind === 'preamble' ? 1 : 0);
  const rows = (await q.execute()).sort((x, y) => weak(x.kind) - weak(y.kind));
  const out: Partial<Record<PocCategory, Precedent[]>> = {};
  const usedAgreement = new Map<string, Set<number>>();
  const usedProvision = new Set<string>();
  // Two passes: first one provision per agreement, then fill up from agreements already cited.
  for (const pass of [0, 1]) {
    for (const r of rows) {
      const code = r.code as PocCategory;
      const list = out[code] ?? [];
      out[code] = list;
      if (list.length >= perCode) continue;
      const agreements = usedAgreement.get(code) ?? new Set<number>();
      const key = `${code}:${r.agreement_id}:${r.provision_id}`;
      if (usedProvision.has(key) || (pass === 0 && agreements.has(r.agreement_id))) continue;
      usedProvision.add(key);
      agreements.add(r.agreement_id);
      usedAgreement.set(code, agreements);
      list.push({
        agreement: r.title,
        agreementId: r.agreement_id,
        provisionId: r.provision_id,
        heading: r.heading,
        excerpt: excerpt(r.text, r.span_start - r.provision_start, r.span_end - r.provision_start),
      });
    }
  }
  return out;
}

/** Up to about 300 characters of the provision around the coded span, on word boundaries. */
function excerpt(text: string, start: number, end: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= 320) return flat.trim();
  const from = Math.max(0, start - 120);
  const to = Math.min(text.length, Math.max(end + 160, from + 300));
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (from > 0) s = `…${s.replace(/^\S*\s/, '')}`;
  if (to < text.length) s = `${s.replace(/\s\S*$/, '')}…`;
  return s;
}
