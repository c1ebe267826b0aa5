import type { Bulletin, BulletinEntry } from './assemble.js';
import { frontMatter, printedTitle } from './front-matter.js';
import { countryHeading } from './house-format.js';

/** Harvested text must not turn into Markdown markup; `harvest import-bulletin` reads the escapes back. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_<>[\]|]/g, '\\$&').replace(/^(#+)/gm, '\\$1');
}

const lineBreaks = (lines: readonly string[]) => lines.map(escapeMarkdown).join('  \n');

function entryMarkdown(entry: BulletinEntry, bulletin: Bulletin): string[] {
  const blocks = [`### ${escapeMarkdown(printedTitle(entry.title, bulletin.lang))}`];
  blocks.push(
    ...entry.body
      .split(/\n{2,}/)
      .filter(Boolean)
      .map(escapeMarkdown),
  );
  if (entry.url) blocks.push(`<${entry.url}>`);
  return blocks;
}

function countsLineMarkdown(bulletin: Bulletin): string {
  const parts = bulletin.countsLineParts;
  return parts
    ? `${escapeMarkdown(parts.lead)} (*${escapeMarkdown(parts.perCountry)}*).`
    : escapeMarkdown(bulletin.countsLine);
}

/** The release as Markdown, in the order of the printed release; re-importable with `harvest import-bulletin`. */
export function renderMarkdown(bulletin: Bulletin): string {
  const front = frontMatter(bulletin);
  const blocks: string[] = [
    lineBreaks(front.acronym),
    escapeMarkdown(front.centreName),
    `# ${front.releaseTitle}`,
    lineBreaks(front.releaseSubtitle),
    front.periodShort,
    front.numberLabel,
    escapeMarkdown(front.placeAndYear),
    '---',
    `**${front.releaseHeader}**`,
    lineBreaks(front.centreNameMixed),
    `**${front.editorialAddress}**`,
    lineBreaks(front.address),
    escapeMarkdown(front.publishedTitle),
    front.circulation,
    '---',
    `## ${front.contentsTitle}`,
    front.contents.map(({ anchor, heading }) => `- [${heading}](#${anchor})`).join('\n'),
    countsLineMarkdown(bulletin),
    ...bulletin.topics.split(/\n{2,}/).map(escapeMarkdown),
  ];
  for (const section of bulletin.sections) {
    blocks.push(`## ${countryHeading(section.country, bulletin.lang)}`);
    for (const entry of section.items) blocks.push(...entryMarkdown(entry, bulletin));
  }
  if (bulletin.other.length > 0) {
    blocks.push(`## ${front.otherHeading}`);
    for (const entry of bulletin.other) blocks.push(...entryMarkdown(entry, bulletin));
  }
  blocks.push('---', lineBreaks(front.centreNameMixed), lineBreaks(front.address));
  return `${blocks.join('\n\n')}\n`;
}
