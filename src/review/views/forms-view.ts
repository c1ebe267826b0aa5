import type { SessionUser } from '../../db/users-repo.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField } from './layout.js';

export function loginBody(options: { csrf: string; next: string; name?: string; error?: string }): SafeHtml {
  return html`<section class="login">
<h1>Bulletin Harvester</h1>
<p>Review workspace — please log in.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login" id="login-form">
  <input type="hidden" name="_csrf" value="${options.csrf}">
  <input type="hidden" name="next" value="${options.next}">
  <label>Name <input type="text" name="name" autocomplete="username" required autofocus value="${options.name ?? ''}"></label>
  <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
  <button type="submit">Log in</button>
</form>
</section>`;
}

export interface PastedValues {
  url?: string;
  title?: string;
  text?: string;
  published_at?: string;
  timezone?: string;
}

/** Add by URL, and beside it the form for a page the server cannot fetch (pasted by hand). */
export function addBody(options: {
  user: SessionUser;
  url?: string;
  error?: string;
  pasted?: PastedValues;
  pastedError?: string;
  zones: readonly string[];
}): SafeHtml {
  const pasted = options.pasted ?? {};
  const zone = pasted.timezone ?? 'Asia/Almaty';
  return html`<h1>Add an item</h1>
<div class="add-forms">
<section id="add-by-url">
<h2>By URL</h2>
<p>For reports found elsewhere (a ministry's social page, a regional paper). The page is fetched once and goes
through the same extraction and analysis as harvested pages.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/add" id="add-form">
  ${csrfField(options.user)}
  <label>URL <input type="url" name="url" required value="${options.url ?? ''}" placeholder="https://…" class="wide"></label>
  <button type="submit">Fetch and add</button>
</form>
</section>
<section id="add-pasted">
<h2>Pasted by hand</h2>
<p>For a page the server cannot fetch — a post behind a login wall (facebook.com, instagram.com), a PDF, an intranet
page. Paste its title and text and give its date: the item goes through the same stages (language, relevance,
country, stories) and is marked manual.</p>
${options.pastedError ? html`<p class="error" role="alert" id="pasted-error">${options.pastedError}</p>` : ''}
<form method="post" action="/add/pasted" id="pasted-form">
  ${csrfField(options.user)}
  <label>URL of the post <input type="url" name="url" required value="${pasted.url ?? ''}" placeholder="https://www.facebook.com/…" class="wide"></label>
  <label>Title <input type="text" name="title" required maxlength="1000" value="${pasted.title ?? ''}" class="wide"></label>
  <label>Text <textarea name="text" required rows="10" class="wide">${pasted.text ?? ''}</textarea></label>
  <label>Published <input type="datetime-local" name="published_at" required step="60" value="${pasted.published_at ?? ''}"></label>
  <label>in the time zone of <select name="timezone">
    ${options.zones.map((name) => html`<option value="${name}"${name === zone ? html` selected` : ''}>${name}</option>`)}
  </select></label>
  <button type="submit">Add the pasted item</button>
</form>
</section>
</div>`;
}
