import { domainToUnicode } from 'node:url';

export interface RepairedUrl {
  url: string;
  /** What was changed, for the import report; empty when the URL was fine as printed. */
  repairs: string[];
}

export class UnrepairableUrlError extends Error {
  constructor(readonly raw: string) {
    super(`cannot repair source URL ${JSON.stringify(raw)}`);
    this.name = 'UnrepairableUrlError';
  }
}

// Letters that PDF text extraction confuses with digits; punycode labels are where the confusion breaks a URL.
const LOOKALIKE_DIGITS: Record<string, string> = { l: '1', I: '1', O: '0', o: '0' };

function parses(url: string): boolean {
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/** A punycode label is sound when it decodes, and decodes to one non-Latin script as IDN registries require. */
function isSoundPunycodeLabel(label: string): boolean {
  const decoded = domainToUnicode(label);
  return decoded !== '' && decoded !== label && !/[a-z]/i.test(decoded);
}

function lookalikeVariants(label: string): string[] {
  const positions = [...label].flatMap((char, index) =>
    index >= 4 && LOOKALIKE_DIGITS[char] ? [index] : [],
  );
  // Every combination of swaps: labels are short, so 2^positions stays small.
  const variants: string[] = [];
  for (let mask = 1; mask < 1 << Math.min(positions.length, 8); mask += 1) {
    const chars = [...label];
    positions.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = LOOKALIKE_DIGITS[chars[position] ?? ''] ?? '';
    });
    variants.push(chars.join(''));
  }
  return variants;
}

function repairPunycodeLabel(label: string): string | undefined {
  if (!label.toLowerCase().startsWith('xn--') || isSoundPunycodeLabel(label)) return undefined;
  return lookalikeVariants(label).find(isSoundPunycodeLabel);
}

function repairHost(url: string, repairs: string[]): string {
  const match = /^(https?:\/\/)([^/?#]+)(.*)$/i.exec(url);
  if (!match) return url;
  const [, scheme = '', host = '', rest = ''] = match;
  const labels = host.split('.').map((label) => {
    const repaired = repairPunycodeLabel(label);
    if (!repaired) return label;
    repairs.push(`host label ${label} → ${repaired}`);
    return repaired;
  });
  return `${scheme}${labels.join('.')}${rest}`;
}

/**
 * Restores a source URL as printed in a release whose text was extracted from a PDF: line breaks and spaces
 * inside the URL, a missing scheme, trailing punctuation, and punycode hosts with `l` read for `1`
 * (`xn--b1aew.xn--plai` → `xn--b1aew.xn--p1ai`, i.e. мвд.рф).
 */
export function repairUrl(raw: string): RepairedUrl {
  const repairs: string[] = [];
  let url = raw.trim();
  if (/\s/.test(url)) {
    url = url.replace(/\s+/g, '');
    repairs.push('removed line breaks/spaces');
  }
  const trimmed = url.replace(/[.,;:)\]»”]+$/, '');
  if (trimmed !== url) {
    url = trimmed;
    repairs.push('removed trailing punctuation');
  }
  if (!/^https?:\/\//i.test(url)) {
    url = `https://${url.replace(/^\/+/, '')}`;
    repairs.push('added https://');
  }
  url = repairHost(url, repairs);
  if (!parses(url)) throw new UnrepairableUrlError(raw);
  return { url, repairs };
}
