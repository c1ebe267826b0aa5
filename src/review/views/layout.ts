import type { SessionUser } from '../../db/users-repo.js';
import { localTime } from '../../domain/local-time.js';
import { hasRole } from '../auth.js';
import { html, type SafeHtml } from '../html.js';

export interface PageOptions {
  title: string;
  user?: SessionUser | undefined;
  active?: string;
  body: SafeHtml;
}

function nav(user: SessionUser, active: string | undefined): SafeHtml {
  const links: Array<[string, string, boolean]> = [
    ['/queue', 'Queue', true],
    ['/add', 'Add an item', true],
    ['/coverage', 'Coverage', true],
    ['/bulletins', 'Bulletins', true],
    ['/activity', 'Activity', true],
    ['/sources', 'Sources', hasRole(user, 'operator')],
    ['/users', 'Users', hasRole(user, 'admin')],
  ];
  return html`<nav>
  <strong class="brand">Bulletin Harvester</strong>
  ${links
    .filter(([, , visible]) => visible)
    .map(
      ([href, label]) =>
        html`<a href="${href}"${href === active ? html` aria-current="page"` : ''}>${label}</a>`,
    )}
  <span class="who">${user.name} (${user.role})</span>
  <form method="post" action="/logout" class="inline">
    <input type="hidden" name="_csrf" value="${user.csrfToken}"><button type="submit">Log out</button>
  </form>
</nav>`;
}

/** The page shell: no inline script or style anywhere, so the Content-Security-Policy can forbid both. */
export function page(options: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.user ? html`<meta name="csrf-token" content="${options.user.csrfToken}">` : ''}
<title>${options.title} — Bulletin Harvester</title>
<link rel="stylesheet" href="/static/review.css">
<script src="/static/review.js" defer></script>
</head>
<body>
${options.user ? nav(options.user, options.active) : ''}
<main>
${options.body}
</main>
</body>
</html>
`.value;
}

export function formatDate(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : '—';
}

export function formatDateTime(date: Date | null | undefined): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}

export function csrfField(user: SessionUser): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${user.csrfToken}">`;
}

/** A moment on the source's clock, with its zone: `2026-11-12 01:30 Asia/Baku (UTC+04:00)`. */
export function formatLocalDateTime(date: Date | null | undefined, zone: string | null | undefined): string {
  if (!date) return '—';
  const local = localTime(date, zone);
  return `${local.date} ${local.time.slice(0, 5)} ${local.zone}${local.zone === 'UTC' ? '' : ` (UTC${local.offset})`}`;
}

/** The queue's date cell: day and time on the source's clock, the zone under it. */
export function localDateCell(date: Date | null | undefined, zone: string | null | undefined): SafeHtml {
  if (!date) return html`—`;
  const local = localTime(date, zone);
  return html`${local.date} ${local.time.slice(0, 5)}<br><small class="zone" title="UTC${local.offset}">${local.zone}</small>`;
}
