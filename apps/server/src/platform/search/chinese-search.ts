import { sql, type SQL } from 'drizzle-orm';

/**
 * Chinese search without a segmenter: a text is indexed as its single characters and overlapping
 * two-character pieces, written as a tsvector literal with positions (so no text-search parser or
 * locale is involved), GIN-indexed; a keyword becomes a phrase query of its pieces, which the
 * positions make exact. Full recall for 2–4 character names, where pg_trgm misses 2-character ones.
 */

/** Full-width to half-width, lower case, whitespace removed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const quote = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** The tsvector literal of one or more texts: unigrams and bigrams with positions. */
export function searchVectorLiteral(texts: (string | null | undefined)[]): string {
  const parts: string[] = [];
  let pos = 1;
  for (const t of texts) {
    if (!t) continue;
    const chars = [...normalizeText(t)];
    chars.forEach((c, i) => {
      parts.push(`${quote(c)}:${pos + i}`);
      const next = chars[i + 1];
      if (next !== undefined) parts.push(`${quote(c + next)}:${pos + i}`);
    });
    pos += chars.length + 10; // a gap so a phrase never spans two texts
  }
  return parts.join(' ');
}

/** The tsquery literal of a keyword (phrase of its bigrams), or null when the keyword is empty. */
export function searchQueryLiteral(keyword: string): string | null {
  const chars = [...normalizeText(keyword)];
  if (chars.length === 0) return null;
  if (chars.length === 1) return quote(chars[0]!);
  const pieces: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pieces.push(quote(chars[i]! + chars[i + 1]!));
  return pieces.join(' <-> ');
}

/** SQL value for a search column. */
export const searchVector = (texts: (string | null | undefined)[]): SQL => sql`${searchVectorLiteral(texts)}::tsvector`;

/**
 * A WHERE fragment: `vectorColumn` holds the keyword as a contiguous run. With positions in the
 * vector, the phrase query is exact (piece i+1 must sit right after piece i), so no LIKE recheck on
 * the raw text is needed — and none could be right, because the raw text is not normalized.
 * Returns `true` for an empty keyword.
 */
export function searchMatch(vectorColumn: SQL, keyword: string): SQL {
  const q = searchQueryLiteral(keyword);
  if (q === null) return sql`true`;
  return sql`${vectorColumn} @@ ${q}::tsquery`;
}
