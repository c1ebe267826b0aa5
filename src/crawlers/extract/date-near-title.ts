import { findDateInText, parseDateInZone } from '../../domain/dates.js';

/**
 * The publication date a reader sees next to the headline, for pages whose metadata states none.
 * A news page shows many dates: the article's own, other stories in side boxes, copyright years, "updated"
 * stamps, event dates in the text. The one written nearest the title, outside page furniture, is the article's.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
// Subtrees that never hold the article's own date: links (lists of other stories), navigation, boxes.
const FURNITURE_TAGS = new Set([
  'a', 'aside', 'button', 'footer', 'form', 'iframe', 'nav', 'noscript', 'script', 'select', 'style', 'svg', 'template',
]); // biome-ignore format: a word list reads better packed
const FURNITURE_LABEL =
  /sidebar|related|popular|most-?read|latest|lenta|widget|footer|copyright|comment|breadcrumb|recommend|teaser|banner|(^|[-_\s])(also|more|other|feed|news-?list)($|[-_\s])/i;
// Stamps of a later edit or of the site itself are dates, but not the publication date.
const NOT_PUBLICATION = /©|copyright|обновл|изменен|updated|modified|yangilan|yenilən|жаңарт|жаңыр/i;
// A date line is short; in a paragraph only its opening (a dateline such as "АСТАНА, 19 сентября 2025.") counts.
const MAX_LINE_CHARS = 120;
const DATELINE_CHARS = 60;
// A date line sits near the top of a page; walking further only costs time on hostile ones.
const MAX_NODES = 20_000;

interface DomNode {
  nodeType: number;
  tagName?: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

interface Slot {
  index: number;
  date: Date;
}

export function readDateNearTitle(document: Document, timezone: string, now: Date): Date | null {
  const body = document.body as unknown as DomNode | null;
  if (!body) return null;
  const slots: Slot[] = [];
  let titleIndex: number | undefined;
  // Iterative walk in document order: hostile pages nest tens of thousands deep, past any call stack.
  const stack: DomNode[] = [body];
  const parentTexts = new Map<DomNode, string>();
  for (let index = 0; stack.length > 0 && index < MAX_NODES; index++) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const date = dateOfTextNode(node, timezone, now, parentTexts);
      if (date) slots.push({ index, date });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || isFurniture(node)) continue;
    const tag = (node.tagName ?? '').toLowerCase();
    if (tag === 'h1' && titleIndex === undefined) titleIndex = index;
    const machine = tag === 'time' ? node.getAttribute?.('datetime') : null;
    const date = machine ? parseDateInZone(machine, timezone, now) : null;
    if (date) slots.push({ index, date });
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }

  const anchor = titleIndex ?? 0;
  // Nearest first; on a tie the one after the title, where bylines usually sit.
  const distance = (slot: Slot) => Math.abs(slot.index - anchor) * 2 + (slot.index < anchor ? 1 : 0);
  return slots.sort((a, b) => distance(a) - distance(b))[0]?.date ?? null;
}

function isFurniture(element: DomNode): boolean {
  if (FURNITURE_TAGS.has((element.tagName ?? '').toLowerCase())) return true;
  const label = `${element.getAttribute?.('class') ?? ''} ${element.getAttribute?.('id') ?? ''}`;
  return FURNITURE_LABEL.test(label);
}

/** A date in the line this text belongs to: its parent's text when short, so split stamps read as one. */
function dateOfTextNode(
  node: DomNode,
  timezone: string,
  now: Date,
  parentTexts: Map<DomNode, string>,
): Date | null {
  const own = (node.nodeValue ?? '').trim();
  if (!own) return null;
  const parentText = node.parentNode ? textOf(node.parentNode, parentTexts) : '';
  const line = parentText.length <= MAX_LINE_CHARS ? parentText : own.slice(0, DATELINE_CHARS);
  if (NOT_PUBLICATION.test(line)) return null;
  return findDateInText(line, timezone, now);
}

/** Siblings share their parent's text: computed once, or a flat page of many text nodes turns quadratic. */
function textOf(element: DomNode, cache: Map<DomNode, string>): string {
  let text = cache.get(element);
  if (text === undefined) {
    text = element.textContent?.trim() ?? '';
    cache.set(element, text);
  }
  return text;
}
