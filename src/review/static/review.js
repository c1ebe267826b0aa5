// @ts-check
// Keyboard shortcuts of the review workspace. Served from /static (the Content-Security-Policy forbids
// inline script); every page works without it. Harvested text is only ever read as text, never as HTML.
// Type-checked by `npm run typecheck` (src/review/static/tsconfig.json: checkJs, the DOM's types).

/**
 * @typedef {{ id: number; status: string; version: number }} ReviewedItem
 * @typedef {{ item: ReviewedItem; covered?: number[] }} ReviewAnswer
 * @typedef {Record<string, () => unknown>} KeyActions
 */

(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  /** @param {string | null | undefined} url */
  const isHttp = (url) => /^https?:\/\//i.test(url ?? '');
  /** @param {EventTarget | null} target */
  const typing = (target) =>
    target instanceof Element && target.closest('input, textarea, select, [contenteditable]') !== null;

  /** @param {string} message */
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

  /**
   * @param {string} path
   * @param {Record<string, unknown>} payload
   * @returns {Promise<ReviewAnswer>}
   */
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

  /** @param {string | undefined} url */
  function openSource(url) {
    if (url && isHttp(url)) window.open(url, '_blank', 'noopener,noreferrer');
  }

  /**
   * Runs the action bound to the key, unless a modifier is held or the focus is in a field.
   * @param {KeyboardEvent} event
   * @param {KeyActions} actions
   */
  function dispatch(event, actions) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    const act = actions[event.key];
    if (act) {
      event.preventDefault();
      act();
    }
  }

  /** @param {string} selector */
  const click = (selector) => {
    const target = document.querySelector(selector);
    if (target instanceof HTMLElement) target.click();
  };

  /**
   * Shows a status as the server renders it: the row's own (`status`), or a report's in its story (`report-status`).
   * @param {Element | null} cell
   * @param {string} status
   */
  function showStatus(cell, status) {
    if (!cell) return;
    cell.textContent = status;
    cell.className = `${cell.classList.contains('report-status') ? 'report-status' : 'status'} status-${status}`;
  }

  /** @param {HTMLTableElement} table */
  function queueKeys(table) {
    const body = table.tBodies[0];
    const rows = body ? [...body.rows] : [];
    if (rows.length === 0) return;
    let index = 0;
    const current = () => /** @type {HTMLTableRowElement} */ (rows[index]);
    /** @param {number} next */
    const select = (next) => {
      index = Math.max(0, Math.min(rows.length - 1, next));
      for (const row of rows) row.classList.toggle('current', row === current());
      current().scrollIntoView({ block: 'nearest' });
    };
    select(0);
    /** The item page of a row, in this queue (the link the page rendered). @param {HTMLTableRowElement} row */
    const itemLink = (row) =>
      row.querySelector('td.title > a')?.getAttribute('href') ?? `/items/${row.dataset.id}`;

    /**
     * Approves or rejects the row's report: its story's other reports are covered by the decision.
     * @param {HTMLTableRowElement} row
     * @param {'approve' | 'reject'} action
     * @param {string} [reason]
     */
    const review = async (row, action, reason) => {
      try {
        const { item, covered = [] } = await post(`/api/items/${row.dataset.id}/${action}`, {
          version: Number(row.dataset.version),
          ...(reason ? { reason } : {}),
        });
        row.dataset.version = String(item.version);
        showStatus(row.querySelector('td.status'), item.status);
        for (const id of covered)
          showStatus(row.querySelector(`li[data-report="${id}"] .report-status`), 'covered');
        showStatus(row.querySelector(`li[data-report="${item.id}"] .report-status`), item.status);
        flash(
          covered.length
            ? `#${item.id} ${item.status}; ${covered.length} other report(s) of its story covered`
            : `#${item.id} ${item.status}`,
        );
        if (row === current()) select(index + 1);
      } catch (error) {
        flash(`#${row.dataset.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };

    /** @param {HTMLTableRowElement} row */
    const askReason = (row) => {
      const cell = row.querySelector('.title');
      if (!cell || cell.querySelector('input.reason')) return;
      const input = document.createElement('input');
      input.className = 'reason';
      input.placeholder = 'reason for rejecting, Enter to reject, Esc to cancel';
      input.setAttribute('aria-label', 'reason for rejecting');
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          input.remove();
          void review(row, 'reject', input.value);
        } else if (event.key === 'Escape') {
          input.remove();
        }
      });
      cell.append(input);
      input.focus();
    };

    for (const [position, row] of rows.entries()) row.addEventListener('click', () => select(position));

    document.addEventListener('keydown', (event) => {
      const row = current();
      dispatch(event, {
        j: () => select(index + 1),
        k: () => select(index - 1),
        x: () => {
          const box = row.querySelector('input[type=checkbox]');
          if (box instanceof HTMLInputElement) box.checked = !box.checked;
        },
        a: () => review(row, 'approve'),
        r: () => askReason(row),
        s: () => {
          const reports = row.querySelector('details.story-reports');
          if (reports instanceof HTMLDetailsElement) reports.open = !reports.open;
        },
        e: () => window.location.assign(`${itemLink(row)}#edit-form`),
        o: () => openSource(row.dataset.url),
        Enter: () => window.location.assign(itemLink(row)),
        n: () => click('a[rel=next]'),
        p: () => click('a[rel=prev]'),
      });
    });
  }

  /** @param {string} id */
  const submit = (id) => {
    const form = document.getElementById(id);
    if (form instanceof HTMLFormElement) form.requestSubmit();
  };
  /** @param {string} id */
  const focus = (id) => document.getElementById(id)?.focus();

  /** @param {HTMLElement} data */
  function itemKeys(data) {
    /** @type {{ url?: string }} */
    const item = JSON.parse(data.textContent ?? '{}');
    // `e` on the queue opens the item at its English: the cursor waits in the English title.
    if (window.location.hash === '#edit-form') focus('edit-title-en');
    document.addEventListener('keydown', (event) =>
      dispatch(event, {
        a: () => submit('approve-form'),
        r: () => focus('reject-reason'),
        e: () => focus('edit-title-en'),
        s: () => submit('accept-form'),
        m: () => focus('story-q'),
        o: () => openSource(item.url),
      }),
    );
  }

  const table = document.getElementById('queue');
  if (table instanceof HTMLTableElement) queueKeys(table);
  const data = document.getElementById('item-data');
  if (data) itemKeys(data);
})();
