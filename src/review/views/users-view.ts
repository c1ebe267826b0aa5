import type { AuditEntry } from '../../db/audit-repo.js';
import type { SessionUser, UserRow } from '../../db/users-repo.js';
import { roles } from '../../db/users-repo.js';
import { html, type SafeHtml } from '../html.js';
import { MIN_PASSWORD_LENGTH } from '../passwords.js';
import { csrfField, formatDateTime } from './layout.js';

function stateCell(user: UserRow): SafeHtml {
  if (!user.disabled) return html`<span class="state-active">active</span>`;
  return html`<span class="state-disabled">disabled</span> ${formatDateTime(user.disabled_at)}${user.disabled_by ? html` by ${user.disabled_by}` : ''}`;
}

function userRow(admin: SessionUser, user: UserRow): SafeHtml {
  const csrf = csrfField(admin);
  const toggle = user.disabled ? 'enable' : 'disable';
  return html`<tr data-user="${user.name}">
  <td>${user.name}${user.id === admin.id ? html` <span class="empty">(you)</span>` : ''}</td>
  <td><form method="post" action="/users/${user.id}/role" class="inline role-form">${csrf}
    <select name="role" aria-label="Role of ${user.name}">${roles.map((role) => html`<option value="${role}"${role === user.role ? html` selected` : ''}>${role}</option>`)}</select>
    <button type="submit">Change role</button></form></td>
  <td>${stateCell(user)}
    <form method="post" action="/users/${user.id}/${toggle}" class="inline state-form">${csrf}<button type="submit">${user.disabled ? 'Enable' : 'Disable'}</button></form></td>
  <td>${formatDateTime(user.created_at)}</td>
  <td><form method="post" action="/users/${user.id}/password" class="inline password-form">${csrf}
    <input type="password" name="password" required minlength="${MIN_PASSWORD_LENGTH}" autocomplete="new-password" placeholder="new password" aria-label="New password of ${user.name}">
    <button type="submit">Reset password</button></form>
    ${user.password_changed_at ? html`<br><span class="empty">reset ${formatDateTime(user.password_changed_at)}</span>` : ''}</td>
</tr>`;
}

/** Admins' page: every account with its role, state and a new password, a form to add one, account activity. */
export function usersBody(options: {
  user: SessionUser;
  users: UserRow[];
  activity: AuditEntry[];
  error?: string | undefined;
  notice?: string | undefined;
}): SafeHtml {
  return html`<h1>Users</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
<p>Disabling an account ends its sessions at once; a new password ends its other sessions. The last active
admin can be neither disabled nor demoted. Every change is in the activity log.</p>
<table id="users"><thead><tr><th>Name</th><th>Role</th><th>State</th><th>Created</th><th>Password</th></tr></thead><tbody>
${options.users.map((user) => userRow(options.user, user))}
</tbody></table>
<h2>Add a user</h2>
<form method="post" action="/users" id="user-form">
  ${csrfField(options.user)}
  <label>Name <input type="text" name="name" required></label>
  <label>Role <select name="role">${roles.map((role) => html`<option value="${role}">${role}</option>`)}</select></label>
  <label>Password <input type="password" name="password" required autocomplete="new-password"></label>
  <button type="submit">Add</button>
</form>
<h2>Recent account activity</h2>
<p>Logins (and failed attempts on existing accounts), logouts, accounts added and changed, crawls started by
hand. Everything, with filters and CSV export: <a href="/activity">Activity</a>.</p>
<table id="activity"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Details</th></tr></thead><tbody>
${options.activity.map((entry) => html`<tr><td>${formatDateTime(entry.created_at)}</td><td>${entry.user_name}</td><td>${entry.action}</td><td>${entry.after ? JSON.stringify(entry.after) : ''}</td></tr>`)}
</tbody></table>
${options.activity.length === 0 ? html`<p class="empty">No activity yet.</p>` : ''}`;
}
