/**
 * SQL of search by word (migration 012). Every processed article stores `search_vector`, the `harvest_search`
 * tsvector of its title and body as folded by `searchDocument` (src/domain/search-query.ts): the folding is done by
 * the application, where it is cheap. Queries built by `buildSearchQuery` are matched against it; the condition
 * implies a vector, so the partial GIN index serves it.
 */
export function searchCondition(placeholder: string): string {
  return `search_vector @@ to_tsquery('harvest_search', ${placeholder})`;
}

/** The stored vector of a folded document (a parameter holding `searchDocument(title, body)`). */
export function searchVector(placeholder: string): string {
  return `to_tsvector('harvest_search', ${placeholder})`;
}
