/**
 * 评价机构名录的名称检索 (通知第五条第五款: 备案名单向社会公布; docs/domain.md §7). Chinese names are searched
 * with one or two characters more often than not ("湘", "湘钢"), and trigram indexes cannot serve a
 * query shorter than three characters. So each body's name is stored as a set of tokens — every single
 * character and every two-character window — in a GIN-indexed array:
 *
 *   1 character  → the name's tokens contain it;
 *   2 characters → the name's tokens contain that bigram;
 *   3 or more    → the name's tokens contain every bigram of the query (index), and the name contains
 *                  the query as a substring (recheck: the bigrams may occur apart, 湘潭钢 ≠ 湘潭…潭钢).
 *
 * Text is compared after one normalization (NFKC, so full-width letters and brackets fold to their
 * half-width forms; lower case; no white space), applied alike to names and to queries.
 */

/** The form names and queries are compared in. */
export function normalizeRegistryText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Characters by code point (a character outside the BMP is one character, not two halves). */
const chars = (text: string): string[] => Array.from(text);

/** Every character and every two-character window of the normalized name, sorted and unique. */
export function nameTokens(name: string): string[] {
  const c = chars(normalizeRegistryText(name));
  const tokens = new Set<string>(c);
  for (let i = 0; i + 1 < c.length; i++) tokens.add(c[i]! + c[i + 1]!);
  return [...tokens].sort();
}

export interface NameQuery {
  /** The normalized query text ('' = no name criterion). */
  text: string;
  /** Tokens the name must all contain (served by the GIN index). */
  tokens: string[];
  /** Whether the tokens alone can match a name that does not contain the text (3+ characters). */
  needsRecheck: boolean;
}

/** The index tokens for a name query: the text itself up to two characters, else all its bigrams. */
export function nameQuery(query: string): NameQuery {
  const text = normalizeRegistryText(query);
  const c = chars(text);
  if (c.length === 0) return { text: '', tokens: [], needsRecheck: false };
  if (c.length <= 2) return { text, tokens: [text], needsRecheck: false };
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < c.length; i++) bigrams.add(c[i]! + c[i + 1]!);
  return { text, tokens: [...bigrams].sort(), needsRecheck: true };
}

/** Whether a name matches a query: the reference semantics the index + recheck must agree with. */
export function nameMatches(name: string, query: string): boolean {
  const q = normalizeRegistryText(query);
  return q === '' || normalizeRegistryText(name).includes(q);
}
