// Live pod list: listens to /api/pods/events (server-sent events from the scope's watch, already narrowed by the
// server to this view's selector and name filter) and updates the table's rows in place. EventSource reconnects
// by itself; the badge says whether the list is live. While the first list is still arriving, the page reloads
// itself once it is complete. When the dashboard has no place for another live list (a 429), the page says so,
// refreshes its rows every 30 s instead, and streams again once a place frees up.
// Loaded as a file: the Content-Security-Policy forbids inline script. Rows are built with textContent only.
(function () {
  'use strict';
  var CELLS = ['name', 'ready', 'status', 'restarts', 'age', 'ip', 'node'];
  var WIDE = [['nominated-node', 'nominatedNode'], ['readiness-gates', 'readinessGates']];
  var HEALTHY = ['Running', 'Completed', 'Succeeded'];
  var IN_PROGRESS = ['Pending', 'ContainerCreating', 'PodInitializing', 'Terminating', 'SchedulingGated', 'NotReady'];

  function tone(status) {
    if (HEALTHY.indexOf(status) >= 0) { return 'ok'; }
    if (IN_PROGRESS.indexOf(status) >= 0 || /^Init:\d+\/\d+$/.test(status)) { return 'progress'; }
    return 'problem';
  }

  function setBadge(mode) {
    var badge = document.getElementById('live-status');
    if (!badge) { return; }
    badge.textContent = mode;
    badge.className = 'live-badge mode-' + mode;
  }

  function link(className, href, text) {
    var a = document.createElement('a');
    a.className = className;
    a.href = href;
    a.textContent = text;
    return a;
  }

  function fill(tr, row, table) {
    var namespace = row.namespace || table.dataset.namespace;
    tr.textContent = '';
    tr.className = 'pod-row';
    tr.dataset.name = row.name;
    tr.dataset.namespace = namespace;
    var cells = [];
    if (table.dataset.all === 'true') {
      var ns = document.createElement('td');
      ns.className = 'namespace';
      ns.appendChild(link('namespace-link', '/?namespace=' + encodeURIComponent(namespace), namespace));
      cells.push(ns);
    }
    CELLS.forEach(function (cell) {
      var td = document.createElement('td');
      td.className = cell;
      if (cell === 'name') {
        td.appendChild(link('pod-link', '/pods/' + encodeURIComponent(row.name) + '?namespace=' + encodeURIComponent(namespace), row.name));
      } else if (cell === 'status') {
        var span = document.createElement('span');
        span.className = 'status-badge tone-' + tone(row.status);
        span.textContent = row.status;
        td.appendChild(span);
      } else {
        td.textContent = row[cell];
      }
      cells.push(td);
    });
    if (table.dataset.wide === 'true') {
      WIDE.forEach(function (pair) {
        var td = document.createElement('td');
        td.className = pair[0];
        td.textContent = row[pair[1]];
        cells.push(td);
      });
    }
    cells.forEach(function (td) { tr.appendChild(td); });
  }

  function findRow(tbody, row, table) {
    var namespace = row.namespace || table.dataset.namespace;
    var rows = tbody.querySelectorAll('tr.pod-row');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].dataset.name === row.name && rows[i].dataset.namespace === namespace) { return rows[i]; }
    }
    return null;
  }

  // The badge shows "N" or, when a selector or filter narrows the list, "N of TOTAL": events concern this view.
  function updateCount(delta) {
    var count = document.getElementById('pod-count');
    if (!count) { return; }
    var parts = count.textContent.split(' of ');
    parts[0] = String(Math.max(0, Number(parts[0]) + delta));
    count.textContent = parts.join(' of ');
  }

  function sortKey(tr) {
    return (tr.dataset.namespace || '') + '\u0000' + tr.dataset.name;
  }

  function apply(table, event) {
    var tbody = table.tBodies[0];
    var row = event.row;
    var existing = findRow(tbody, row, table);
    if (event.type === 'DELETED') {
      if (existing) { existing.remove(); }
      updateCount(-1);
    } else if (existing) {
      fill(existing, row, table);
      existing.classList.add('flash');
    } else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      updateCount(1);
      // Rows past this page belong to another page: only page 1 grows here.
      if (table.dataset.page !== '1') { return; }
      var tr = document.createElement('tr');
      fill(tr, row, table);
      tr.classList.add('flash');
      var before = null;
      if (table.dataset.sort === 'name' || table.dataset.sort === 'namespace') {
        var key = table.dataset.all === 'true' && table.dataset.sort === 'namespace' ? sortKey(tr) : row.name;
        var rows = tbody.querySelectorAll('tr.pod-row');
        for (var i = 0; i < rows.length; i++) {
          var other = table.dataset.all === 'true' && table.dataset.sort === 'namespace' ? sortKey(rows[i]) : rows[i].dataset.name;
          var later = table.dataset.descending === 'true' ? other < key : other > key;
          if (later) { before = rows[i]; break; }
        }
      }
      tbody.insertBefore(tr, before);
      document.getElementById('pod-table-wrapper').classList.remove('d-none');
      ['empty-state', 'no-match'].forEach(function (id) {
        var el = document.getElementById(id);
        if (el) { el.classList.add('d-none'); }
      });
    }
  }

  // Replaces this page's rows with the server's current ones (/api/pods for the same view and page): what the page
  // does instead of streaming while the dashboard has no place for another live list.
  function refreshRows(table) {
    return fetch(table.dataset.snapshot, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body || !body.pods) { return; }
        var tbody = table.tBodies[0];
        tbody.textContent = '';
        body.pods.forEach(function (row) {
          var tr = document.createElement('tr');
          fill(tr, row, table);
          tbody.appendChild(tr);
        });
        var count = document.getElementById('pod-count');
        if (count && typeof body.matching === 'number') {
          var parts = count.textContent.split(' of ');
          parts[0] = String(body.matching);
          count.textContent = parts.join(' of ');
        }
      })
      .catch(function () { /* the next round tries again */ });
  }

  // Whether this browser may open a live list now: 200, or the 429 that says which limit and when to ask again.
  function room() {
    return fetch('/api/pods/events/room', {credentials: 'same-origin'}).then(function (response) {
      if (response.status !== 429) { return {room: response.ok}; }
      return response.json().then(function (body) {
        return {room: false, message: body.error && body.error.message, retry: body.retryAfterSeconds};
      }, function () { return {room: false}; });
    });
  }

  function showPaused(refusal) {
    setBadge('paused');
    var notice = document.getElementById('paused-notice');
    if (!notice) { return; }
    document.getElementById('paused-reason').textContent = refusal.message || '';
    document.getElementById('paused-every').textContent = String(refusal.retry || 30);
    notice.classList.remove('d-none');
  }

  function hidePaused() {
    var notice = document.getElementById('paused-notice');
    if (notice) { notice.classList.add('d-none'); }
  }

  function connect(table) {
    var source = new EventSource(table.dataset.events);
    source.addEventListener('pod', function (e) { apply(table, JSON.parse(e.data)); });
    source.addEventListener('freshness', function (e) {
      var mode = JSON.parse(e.data).mode;
      setBadge(mode);
      // The first list finished after this page was drawn: draw it again, whole.
      if (table.dataset.complete === 'false' && mode !== 'listing') {
        table.dataset.complete = 'true';
        source.close();
        window.location.reload();
      }
    });
    source.addEventListener('problem', function (e) {
      source.close();
      var body = JSON.parse(e.data);
      if (body.limit) {
        paused(table, {room: false, message: body.error && body.error.message, retry: body.retryAfterSeconds});
      } else {
        setBadge('offline');
      }
    });
    source.onerror = function () {
      if (source.readyState !== EventSource.CLOSED) { setBadge('reconnecting'); return; }
      // EventSource gives up on an answer that is not a stream (a 429 among them) without saying which: ask.
      room().then(function (answer) {
        if (answer.room) { setBadge('reconnecting'); window.setTimeout(function () { connect(table); }, 5000); }
        else { paused(table, answer); }
      }, function () { setBadge('offline'); });
    };
    source.onopen = function () {
      hidePaused();
      setBadge(table.dataset.complete === 'false' ? 'listing' : 'live');
    };
  }

  // No place for this browser's stream: refresh the rows every retry seconds, and stream again once there is room.
  function paused(table, refusal) {
    showPaused(refusal);
    var every = Math.max(5, Number(refusal.retry) || 30) * 1000;
    window.setTimeout(function again() {
      refreshRows(table).then(room).then(function (answer) {
        if (answer.room) { connect(table); }
        else { showPaused(answer); window.setTimeout(again, every); }
      }, function () { window.setTimeout(again, every); });
    }, every);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var table = document.getElementById('pods');
    if (!table || !table.dataset.events || !window.EventSource) { return; }
    connect(table);
  });
}());
