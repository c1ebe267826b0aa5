import {
  type FoundDate,
  findDateWithTimeInText,
  isSameLocalDay,
  parseDateWithTime,
} from '../../domain/dates.js';
import { stampText, type TextNodeLike } from './html-to-text.js';

/**
 * The publication date a reader sees next to the headline, for pages whose metadata states none.
 * A news page shows many dates: the article's own, other stories in side boxes, copyright years, "updated"
 * stamps, event dates in the text. The one written nearest the title, outside page furniture, is the article's.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
// Subtrees that never hold the article's own date: links (lists of other stories), navigation, boxes.
// A <form> is furniture unless it holds the title: ASP.NET pages wrap the whole page in one.
const FURNITURE_TAGS = new Set([
  'a', 'aside', 'button', 'footer', 'iframe', 'nav', 'noscript', 'script', 'select', 'style', 'svg', 'template',
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
// How far up a date without a time looks for the time printed beside it (<li>date</li><li>time</li>), and how
// many neighbours on each side it reads when the enclosing element is too long to be a date line.
const MAX_TIME_HOPS = 3;
const MAX_NEIGHBOURS = 2;

interface DomNode {
  nodeType: number;
  tagName?: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  previousSibling: DomNode | null;
  nextSibling: DomNode | null;
  /** linkedom elements; cheerio's (domhandler) carry `attribs` and no query methods. */
  getAttribute?(name: string): string | null;
  attribs?: Record<string, string>;
  querySelector?(selector: string): unknown;
}

interface Slot {
  index: number;
  found: FoundDate;
}

export function readDateNearTitle(document: Document, timezone: string, now: Date): FoundDate | null {
  const body = document.body as unknown as DomNode | null;
  if (!body) return null;
  const slots: Slot[] = [];
  let titleIndex: number | undefined;
  // Iterative walk in document order: hostile pages nest tens of thousands deep, past any call stack.
  const stack: DomNode[] = [body];
  const reader = new LineReader(timezone, now);
  for (let index = 0; stack.length > 0 && index < MAX_NODES; index++) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const found = reader.dateOfTextNode(node);
      if (found) slots.push({ index, found });
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || isFurniture(node)) continue;
    const tag = (node.tagName ?? '').toLowerCase();
    if (tag === 'h1' && titleIndex === undefined) titleIndex = index;
    const machine = tag === 'time' ? node.getAttribute?.('datetime') : null;
    const found = machine ? parseDateWithTime(machine, timezone, now) : null;
    if (found) slots.push({ index, found: reader.withNearbyTime(node, found) });
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }

  const anchor = titleIndex ?? 0;
  // Nearest first; on a tie the one after the title, where bylines usually sit.
  const distance = (slot: Slot) => Math.abs(slot.index - anchor) * 2 + (slot.index < anchor ? 1 : 0);
  return slots.sort((a, b) => distance(a) - distance(b))[0]?.found ?? null;
}

function isFurniture(element: DomNode): boolean {
  const tag = (element.tagName ?? '').toLowerCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'form' && element.querySelector && !element.querySelector('h1')) return true;
  const label = `${attributeOf(element, 'class')} ${attributeOf(element, 'id')}`;
  return FURNITURE_LABEL.test(label);
}

function attributeOf(element: DomNode, name: string): string {
  return element.getAttribute?.(name) ?? element.attribs?.[name] ?? '';
}

/**
 * The date `found` in `element` (a site's date selector matched it), with the time printed beside it when the
 * element gave none. Works over linkedom and cheerio nodes alike.
 */
export function withNearbyTime(element: unknown, found: FoundDate, timezone: string, now: Date): FoundDate {
  return new LineReader(timezone, now).withNearbyTime(element as DomNode, found);
}

/** Reads the line each text node belongs to; element lines are rendered once, or a flat page turns quadratic. */
class LineReader {
  private readonly lines = new Map<DomNode, string | null>();

  constructor(
    private readonly timezone: string,
    private readonly now: Date,
  ) {}

  /** A date in the line this text belongs to: its parent's text when short, so split stamps read as one. */
  dateOfTextNode(node: DomNode): FoundDate | null {
    const own = (node.nodeValue ?? '').trim();
    if (!own) return null;
    const parentLine = node.parentNode ? this.lineOf(node.parentNode) : null;
    const line = parentLine ?? own.slice(0, DATELINE_CHARS);
    if (NOT_PUBLICATION.test(line)) return null;
    const found = findDateWithTimeInText(line, this.timezone, this.now);
    if (!found) return null;
    return parentLine !== null && node.parentNode ? this.withNearbyTime(node.parentNode, found) : found;
  }

  /**
   * A date printed without its time gets the time printed beside it: report.az shows
   * `<li>21 сентября, 2025</li><li>21:05</li>`. The enclosing lines, up to a few levels and while short, are read
   * again; where the enclosing element is long (the article itself), only the element's next neighbours are.
   * The date read there must be the same day, and an "updated" stamp or a second date beside it lends no time.
   */
  withNearbyTime(element: DomNode, found: FoundDate): FoundDate {
    const own = this.lineOf(element);
    if (found.timeStated || !own) return found;
    let node = element;
    for (let hop = 0; hop < MAX_TIME_HOPS; hop++) {
      const parent = node.parentNode;
      if (!parent || parent.nodeType !== ELEMENT_NODE || isFurniture(parent)) break;
      const line = this.lineOf(parent);
      const wider = this.sameDayWithTime(line ?? this.neighbourhoodOf(node, own), own, found);
      if (wider !== undefined) return wider ?? found;
      if (line === null) break;
      node = parent;
    }
    return found;
  }

  /** The stamp of `line` when it gives `found`'s day with a time; null when the line forbids looking further. */
  private sameDayWithTime(line: string, own: string, found: FoundDate): FoundDate | null | undefined {
    if (NOT_PUBLICATION.test(line)) return null;
    // A time printed beside another date is that date's: «16.09.2025 · 17.09.2025, 12:00».
    if (findDateWithTimeInText(line.replace(own, ' '), this.timezone, this.now)) return null;
    const wider = findDateWithTimeInText(line, this.timezone, this.now);
    return wider?.timeStated && isSameLocalDay(found.date, wider.date, this.timezone) ? wider : undefined;
  }

  /** `own` with the short siblings printed just before and after `node`: `<span>Кеше</span><span>19:45</span>`. */
  private neighbourhoodOf(node: DomNode, own: string): string {
    const before: string[] = [];
    const after: string[] = [];
    const collect = (start: DomNode | null, step: (n: DomNode) => DomNode | null, into: string[]) => {
      for (let sibling = start; sibling && into.length < MAX_NEIGHBOURS; sibling = step(sibling)) {
        const text = sibling.nodeType === TEXT_NODE ? (sibling.nodeValue ?? '').trim() : this.lineOf(sibling);
        if (text === null) return;
        if (text) into.push(text);
      }
    };
    collect(node.previousSibling, (n) => n.previousSibling, before);
    collect(node.nextSibling, (n) => n.nextSibling, after);
    return [...before.reverse(), own, ...after].join(' ');
  }

  /** The element's text as one line, or null past MAX_LINE_CHARS. */
  private lineOf(element: DomNode): string | null {
    let line = this.lines.get(element);
    if (line === undefined) {
      line = stampText(element as unknown as TextNodeLike, MAX_LINE_CHARS);
      this.lines.set(element, line);
    }
    return line;
  }
}
