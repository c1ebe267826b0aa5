import { loadDrugGlossary } from '../config/drug-glossary.js';
import { type ArticleStatus, type DraftListItem, listDrafts } from '../db/articles-repo.js';
import { articleStatuses } from '../domain/review-states.js';
import { buildSearchQuery, searchExpansions } from '../domain/search-query.js';
import { type CliContext, parseVerbArgs, UsageError, withApp } from './cli-support.js';

const statuses: readonly ArticleStatus[] = articleStatuses;

/** `story #12: 3 sources, primary #40` — the analyst sees at once that other sites reported it. */
function storyLine(draft: DraftListItem): string {
  if (draft.story_id === null) return '';
  const sources = draft.story_size === 1 ? '1 source' : `${draft.story_size} sources`;
  const primary = draft.story_primary_id === draft.id ? 'primary' : `primary #${draft.story_primary_id}`;
  return `\n    story #${draft.story_id}: ${sources}, ${primary}`;
}

export async function draftsCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    status: { type: 'string' },
    country: { type: 'string' },
    limit: { type: 'string' },
    text: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals[0] !== 'list') throw new UsageError(`unknown drafts action: ${positionals[0] ?? '(none)'}`);
  const status = values.status as ArticleStatus | undefined;
  if (status && !statuses.includes(status)) {
    throw new UsageError(`--status must be one of ${statuses.join(', ')}`);
  }
  const country = values.country?.toUpperCase();
  const limit = values.limit ? Number(values.limit) : undefined;
  // Words of the title or body, in any language: word forms, folded spellings and drug names widened.
  const search = values.text
    ? buildSearchQuery(values.text, searchExpansions(loadDrugGlossary()))
    : undefined;
  if (values.text !== undefined && !search)
    throw new UsageError('--text needs at least one word to look for');
  return withApp(ctx, async (app) => {
    const drafts = await listDrafts(app.db, { status, country, limit, search });
    for (const draft of drafts) {
      if (values.json) {
        ctx.out(
          JSON.stringify({
            ...draft,
            published_at: draft.published_at?.toISOString() ?? null,
            matched: [...new Set(draft.matched.map((term) => term.term))],
            matched_terms: draft.matched,
          }),
        );
      } else {
        const date = draft.published_at?.toISOString().slice(0, 10) ?? '----------';
        const fate = draft.status === 'filtered' ? `filtered:${draft.filter_reason}` : draft.status;
        const terms = draft.matched.map((term) => term.term).join(', ');
        ctx.out(
          `#${draft.id} ${date} ${draft.country ?? '--'} ${draft.lang ?? '---'} ${fate} ${(draft.score ?? 0).toFixed(2)}  ${draft.title ?? '(no title)'}\n` +
            `    ${draft.url}${storyLine(draft)}${terms ? `\n    matched: ${terms}` : ''}`,
        );
      }
    }
    if (!values.json) ctx.err(`${drafts.length} item(s)`);
    return 0;
  });
}
