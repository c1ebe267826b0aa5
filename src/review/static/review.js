// @ts-check
// Keyboard shortcuts of the review workspace. Served from /static (the Content-Security-Policy forbids
// inline script); every page works without it. Harvested text is only ever read as text, never as HTML.
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const isHttp = (url) => /^https?:\/\//i.test(url ?? '');
  const typing = (target) =>
    target instanceof Element && target.closest('input, textarea, select, [contenteditable]');

  function flash(message) {
    let box = document.getElementById('flash');
    if (!box) {
      box = document.createElement('p');
      box.id = 'flash';
      box.className = 'notice';
      box.setAttribute('role', 'status');
      document.querySelector('main')?.prepend(box);
    }
    box.textContent = message;
  }

  async function post(path, payload) {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
    });
    // The session ended (logged out elsewhere, account disabled): to the login form, back here after it.
    if (response.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
      throw new Error('logged out');
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
    return body;
  }

  function openSource(url) {
    if (isHttp(url)) window.open(url, '_blank', 'noopener,noreferrer');
  }

  function queueKeys(table) {
    const rows = [...table.tBodies[0].rows];
    if (rows.length === 0) return;
    let index = 0;
    const current = () => rows[index];
    const select = (next) => {
      index = Math.max(0, Math.min(rows.length - 1, next));
      for (const row of rows) row.classList.toggle('current', row === current());
      current().scrollIntoView({ block: 'nearest' });
    };
    select(0);

    const review = async (row, action, reason) => {
      try {
        const { item } = await post(`/api/items/${row.dataset.id}/${action}`, {
          version: Number(row.dataset.version),
          ...(reason ? { reason } : {}),
        });
        row.dataset.version = String(item.version);
        const status = row.querySelector('.status');
        status.textContent = item.status;
        status.className = `status status-${item.status}`;
        flash(`#${item.id} ${item.status}`);
        if (row === current()) select(index + 1);
      } catch (error) {
        flash(`#${row.dataset.id}: ${error.message}`);
      }
    };

    const askReason = (row) => {
      const cell = row.querySelector('.title');
      if (cell.querySelector('input.reason')) return;
      const input = document.createElement('input');
      input.className = 'reason';
      input.placeholder = 'reason for rejecting, Enter to reject, Esc to cancel';
      input.setAttribute('aria-label', 'reason for rejecting');
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          input.remove();
          review(row, 'reject', input.value);
        } else if (event.key === 'Escape') {
          input.remove();
        }
      });
      cell.append(input);
      input.focus();
    };

    for (const [position, row] of rows.entries()) row.addEventListener('click', () => select(position));

    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const row = current();
      const actions = {
        j: () => select(index + 1),
        k: () => select(index - 1),
        x: () => {
          const box = row.querySelector('input[type=checkbox]');
          box.checked = !box.checked;
        },
        a: () => review(row, 'approve'),
        r: () => askReason(row),
        e: () => window.location.assign(`/items/${row.dataset.id}#edit-form`),
        o: () => openSource(row.dataset.url),
        Enter: () => window.location.assign(`/items/${row.dataset.id}`),
        n: () => document.querySelector('a[rel=next]')?.click(),
        p: () => document.querySelector('a[rel=prev]')?.click(),
      };
      const act = actions[event.key];
      if (act) {
        event.preventDefault();
        act();
      }
    });
  }

  function itemKeys(data) {
    const item = JSON.parse(data.textContent ?? '{}');
    // `e` on the queue opens the item at its English: the cursor waits in the English title.
    if (window.location.hash === '#edit-form') document.getElementById('edit-title-en')?.focus();
    document.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
      const actions = {
        a: () => document.getElementById('approve-form')?.requestSubmit(),
        r: () => document.getElementById('reject-reason')?.focus(),
        e: () => document.getElementById('edit-title-en')?.focus(),
        s: () => document.getElementById('accept-form')?.requestSubmit(),
        o: () => openSource(item.url),
      };
      const act = actions[event.key];
      if (act) {
        event.preventDefault();
        act();
      }
    });
  }

  const table = document.getElementById('queue');
  if (table) queueKeys(table);
  const data = document.getElementById('item-data');
  if (data) itemKeys(data);
})();
