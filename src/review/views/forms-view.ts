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

export function addBody(options: { user: SessionUser; url?: string; error?: string }): SafeHtml {
  return html`<h1>Add an item by URL</h1>
<p>For reports found elsewhere (a ministry's social page, a regional paper). The page is fetched once and goes
through the same extraction and analysis as harvested pages.</p>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/add" id="add-form">
  ${csrfField(options.user)}
  <label>URL <input type="url" name="url" required value="${options.url ?? ''}" placeholder="https://…" class="wide"></label>
  <button type="submit">Fetch and add</button>
</form>`;
}
