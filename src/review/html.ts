/**
 * HTML built only through the `html` tag: every interpolated value is escaped unless it is already
 * SafeHtml (made by this tag or by the helpers below). Harvested text therefore cannot become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Safe in text and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => entities[char]!);
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** The URL if it may be followed from a page (http or https only), else null: `javascript:` never gets a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link when the URL is http(s), the plain escaped text otherwise. */
export function externalLink(url: string | null | undefined, label?: string): SafeHtml {
  const href = safeHref(url);
  const text = label ?? url ?? '';
  return href
    ? html`<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${text}</a>`
    : html`${text}`;
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the line separators are escaped
 * so that no harvested string can close the element or start a comment.
 */
export function jsonForHtml(value: unknown): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return new SafeHtml(json);
}
