// The dashboard: reads /api/overview every two seconds and draws it; buttons POST with the page's CSRF value.
// Everything shown is set as text, never as HTML: chat texts and plugin names come from strangers.
'use strict';

let csrf = '';
let shownQr = -1;

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  const ago = Math.round((Date.now() - d.getTime()) / 1000);
  const rel = ago >= 0 ? span(ago) + ' ago' : 'in ' + span(-ago);
  return d.toLocaleString() + ' (' + rel + ')';
}

function span(seconds) {
  if (seconds < 90) return seconds + ' s';
  if (seconds < 5400) return Math.round(seconds / 60) + ' min';
  if (seconds < 172800) return (seconds / 3600).toFixed(1) + ' h';
  return (seconds / 86400).toFixed(1) + ' d';
}

function rows(tbody, items, fill) {
  tbody.replaceChildren();
  for (const item of items) {
    const tr = document.createElement('tr');
    fill(tr, item);
    tbody.appendChild(tr);
  }
}

function cells(tr, values) {
  for (const v of values) tr.appendChild(el('td', v));
}

function button(label, action, path) {
  const b = el('button', label);
  b.dataset.action = action;
  b.addEventListener('click', () => post(path));
  return b;
}

async function post(path) {
  const response = await fetch(path, { method: 'POST', headers: { 'X-Blacksky-Csrf': csrf }, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  flash(body.message || body.error || ('HTTP ' + response.status));
  refresh();
}

function flash(text) {
  const f = $('flash');
  f.textContent = text;
  f.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { f.hidden = true; }, 5000);
}

function drawConnection(c) {
  const state = c.state;
  const badge = $('state');
  badge.textContent = state;
  badge.className = 'badge ' + state;
  $('conn-state').textContent = state + (c.terminal ? ' (needs you)' : '');
  $('conn-since').textContent = when(c.since);
  $('attempt').textContent = c.attempt === undefined ? '—' : String(c.attempt);
  $('next-retry').textContent = when(c.nextAttemptAt);
  $('reason').textContent = c.reason || '—';
  $('last-error').textContent = c.lastError ? c.lastError + (c.cause ? ' [' + c.cause + ']' : '') : '—';
  $('client').textContent = c.client || '—';
}

function drawUptime(windows) {
  rows($('uptime').tBodies[0], windows, (tr, w) => {
    const covered = w.coveredSeconds > 0 ? (w.share * 100).toFixed(2) + ' %' : 'no data';
    cells(tr, ['last ' + w.window, covered, w.outages, w.reconnects]);
  });
}

function drawTimeline(history, now) {
  const bar = $('timeline-bar');
  bar.replaceChildren();
  const end = new Date(now).getTime();
  const start = end - 24 * 3600 * 1000;
  const oldestFirst = history.slice().reverse();
  let cursor = start;
  let state = null;
  const segments = [];
  for (const e of oldestFirst) {
    const at = new Date(e.at).getTime();
    if (at <= start) { state = e.state; continue; }
    segments.push([cursor, at, state]);
    cursor = at;
    state = e.state;
  }
  segments.push([cursor, end, state]);
  for (const [from, to, s] of segments) {
    if (to <= from) continue;
    const seg = el('span');
    seg.style.width = ((to - from) / (end - start) * 100) + '%';
    seg.className = s === null ? 'seg-unknown' : s === 'CONNECTED' ? 'seg-up'
      : (s === 'STOPPED' || ['LOGGED_OUT', 'BANNED', 'REPLACED', 'CLIENT_OUTDATED', 'SESSION_CORRUPT'].includes(s)) ? 'seg-off' : 'seg-down';
    seg.title = (s || 'no record') + ' from ' + new Date(from).toLocaleString();
    bar.appendChild(seg);
  }
  const list = $('history');
  list.replaceChildren();
  for (const e of history.slice(0, 100)) {
    const li = el('li');
    li.appendChild(el('span', new Date(e.at).toLocaleString() + ' ', 'muted'));
    li.appendChild(el('span', e.state, 'state'));
    li.appendChild(el('span', ' ' + e.reason));
    list.appendChild(li);
  }
}

function drawPairing(p, connection) {
  const img = $('pairing-qr');
  if (p.showing) {
    $('pairing-status').textContent = 'Waiting for a phone to scan this code.';
    if (p.serial !== shownQr) {
      img.src = 'api/pairing/qr.svg?serial=' + p.serial + shownAccount('&');
      shownQr = p.serial;
    }
    img.hidden = false;
    $('pairing-help').hidden = false;
    return;
  }
  img.hidden = true;
  img.removeAttribute('src');
  shownQr = -1;
  $('pairing-help').hidden = true;
  $('pairing-status').textContent = p.linkedAs ? 'Linked as ' + p.linkedAs
    : connection.state === 'CONNECTED' ? 'Linked' : 'No QR code to show: ' + connection.state.toLowerCase().replace('_', ' ') + '.';
}

function drawPlugins(plugins) {
  rows($('plugins').tBodies[0], plugins, (tr, p) => {
    tr.dataset.plugin = p.id;
    cells(tr, [p.id, p.version, p.state + (p.detail ? ' — ' + p.detail : ''), p.commands.join(', '), p.calls, p.errors, p.breaker]);
    const actions = el('td');
    const base = 'api/plugins/' + encodeURIComponent(p.id) + '/';
    if (p.state === 'DISABLED') {
      actions.appendChild(button('Enable', 'enable', base + 'enable'));
    } else {
      if (p.state === 'PAUSED') actions.appendChild(button('Resume', 'enable', base + 'enable'));
      actions.appendChild(button('Disable', 'disable', base + 'disable'));
      actions.appendChild(button('Reload', 'reload', base + 'reload'));
    }
    tr.appendChild(actions);
  });
}

function drawOutbox(o) {
  $('outbox-summary').textContent = o.kept
    ? o.queued + ' queued or in flight, ' + o.dead.length + ' dead letters.'
    : 'This transport keeps no outbox.';
  rows($('outbox-queued').tBodies[0], o.items, (tr, m) => cells(tr, [m.id, m.chat, m.plugin, m.text, m.attempts]));
  rows($('outbox-dead').tBodies[0], o.dead, (tr, m) => {
    tr.dataset.message = m.id;
    cells(tr, [m.id, m.chat, m.plugin, m.text, m.lastError || '']);
    const actions = el('td');
    const base = 'api/outbox/' + encodeURIComponent(m.id) + '/';
    actions.appendChild(button('Retry', 'retry', base + 'retry' + shownAccount('?')));
    actions.appendChild(button('Discard', 'discard', base + 'discard' + shownAccount('?')));
    tr.appendChild(actions);
  });
}

function drawSession(s) {
  $('session-folder').textContent = s.folder;
  $('lock-owner').textContent = s.lockOwner || '—';
  const backups = $('backups');
  backups.replaceChildren();
  for (const b of s.backups) backups.appendChild(el('li', b.name + ' — ' + when(b.created) + (b.valid ? '' : ' (invalid)')));
  if (!s.backups.length) backups.appendChild(el('li', 'none yet', 'muted'));
  const quarantine = $('quarantine');
  quarantine.replaceChildren();
  for (const q of s.quarantine) quarantine.appendChild(el('li', q));
  if (!s.quarantine.length) quarantine.appendChild(el('li', 'empty', 'muted'));
}

// The account on show, when the bot runs several: chosen in the header, kept in the page's address (#account=name).
function shownAccount(separator) {
  const chosen = new URLSearchParams(location.hash.slice(1)).get('account');
  return chosen ? separator + 'account=' + encodeURIComponent(chosen) : '';
}

function drawAccounts(accounts, shown) {
  const list = $('accounts');
  list.replaceChildren();
  list.hidden = accounts.length < 2;
  if (accounts.length < 2) return;
  for (const a of accounts) {
    const link = el('a', a.name + ' ' + a.state, a.name === shown ? 'badge current' : 'badge');
    link.href = '#account=' + encodeURIComponent(a.name);
    list.appendChild(link);
  }
}

async function refresh() {
  try {
    const response = await fetch('api/overview' + shownAccount('?'), { credentials: 'same-origin' });
    if (response.status === 401) {
      problem('The access token was not accepted (rotated?). Open the link from "bin/blacksky http token" again.');
      return;
    }
    if (response.status === 503) { // starting, or a cluster node standing by for its account
      problem('This bot is not running its account yet: ' + (await response.json()).error + '.');
      return;
    }
    const o = await response.json();
    csrf = o.csrf;
    $('account').textContent = 'account ' + o.account + ' on ' + o.transport;
    drawAccounts(o.accounts, o.account);
    drawConnection(o.connection);
    drawUptime(o.uptime);
    drawTimeline(o.history, o.now);
    drawPairing(o.pairing, o.connection);
    drawPlugins(o.plugins);
    drawOutbox(o.outbox);
    drawSession(o.session);
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    $('problem').hidden = true;
  } catch (e) {
    problem('The bot does not answer (' + e.message + '); retrying.');
  }
}

function problem(text) {
  const p = $('problem');
  p.textContent = text;
  p.hidden = false;
}

refresh();
setInterval(refresh, 2000);
addEventListener("hashchange", () => { shownQr = null; refresh(); });
