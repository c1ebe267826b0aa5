import type { AuditEntry } from '../../db/review-repo.js';
import type { SessionUser, UserRow } from '../../db/users-repo.js';
import { roles } from '../../db/users-repo.js';
import { html, type SafeHtml } from '../html.js';
import { csrfField, formatDateTime } from './layout.js';

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

export function usersBody(options: {
  user: SessionUser;
  users: UserRow[];
  activity: AuditEntry[];
  error?: string;
  notice?: string;
}): SafeHtml {
  return html`<h1>Users</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
<table><thead><tr><th>Name</th><th>Role</th><th>Created</th><th>Active</th></tr></thead><tbody>
${options.users.map((user) => html`<tr><td>${user.name}</td><td>${user.role}</td><td>${formatDateTime(user.created_at)}</td><td>${user.disabled ? 'no' : 'yes'}</td></tr>`)}
</tbody></table>
<h2>Add a user</h2>
<form method="post" action="/users" id="user-form">
  ${csrfField(options.user)}
  <label>Name <input type="text" name="name" required></label>
  <label>Role <select name="role">${roles.map((role) => html`<option value="${role}">${role}</option>`)}</select></label>
  <label>Password <input type="password" name="password" required autocomplete="new-password"></label>
  <button type="submit">Add</button>
</form>
<h2>Recent activity</h2>
<p>Logins (and failed attempts on existing accounts), logouts, users added, crawls started by hand; what analysts
do to items is in each item's history.</p>
<table id="activity"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Details</th></tr></thead><tbody>
${options.activity.map((entry) => html`<tr><td>${formatDateTime(entry.created_at)}</td><td>${entry.user_name}</td><td>${entry.action}</td><td>${entry.after ? JSON.stringify(entry.after) : ''}</td></tr>`)}
</tbody></table>
${options.activity.length === 0 ? html`<p class="empty">No activity yet.</p>` : ''}`;
}
