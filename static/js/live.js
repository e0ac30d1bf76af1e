// Live pod list: listens to /api/pods/events (server-sent events from the namespace's watch) and updates the
// table's rows in place. EventSource reconnects by itself; the badge says whether the list is live.
// Loaded as a file: the Content-Security-Policy forbids inline script. Rows are built with textContent only.
(function () {
  'use strict';
  var CELLS = ['name', 'ready', 'status', 'restarts', 'age', 'ip', 'node'];
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

  function fill(tr, row, namespace) {
    tr.textContent = '';
    tr.className = 'pod-row';
    tr.dataset.name = row.name;
    CELLS.forEach(function (cell) {
      var td = document.createElement('td');
      td.className = cell;
      if (cell === 'name') {
        var a = document.createElement('a');
        a.className = 'pod-link';
        a.href = '/pods/' + encodeURIComponent(row.name) + '?namespace=' + encodeURIComponent(namespace);
        a.textContent = row.name;
        td.appendChild(a);
      } else if (cell === 'status') {
        var span = document.createElement('span');
        span.className = 'status-badge tone-' + tone(row.status);
        span.textContent = row.status;
        td.appendChild(span);
      } else {
        td.textContent = row[cell];
      }
      tr.appendChild(td);
    });
  }

  function findRow(tbody, name) {
    var rows = tbody.querySelectorAll('tr.pod-row');
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].dataset.name === name) { return rows[i]; }
    }
    return null;
  }

  function updateCount(delta) {
    var count = document.getElementById('pod-count');
    if (!count) { return; }
    var parts = count.textContent.split(' of ');
    if (parts.length === 1) {
      count.textContent = String(Number(parts[0]) + delta);
    } else {
      count.textContent = parts[0] + ' of ' + String(Number(parts[1]) + delta);
    }
  }

  function apply(table, event) {
    var tbody = table.tBodies[0];
    var row = event.row;
    var existing = findRow(tbody, row.name);
    var filter = (table.dataset.filter || '').toLowerCase();
    var matches = filter === '' || row.name.toLowerCase().indexOf(filter) >= 0;
    if (event.type === 'DELETED') {
      if (existing) { existing.remove(); }
      updateCount(-1);
    } else if (existing) {
      fill(existing, row, table.dataset.namespace);
      existing.classList.add('flash');
    } else if (event.type === 'ADDED' || event.type === 'MODIFIED') {
      updateCount(1);
      // Rows past this page belong to another page: only page 1 grows here.
      if (!matches || table.dataset.page !== '1') { return; }
      var tr = document.createElement('tr');
      fill(tr, row, table.dataset.namespace);
      tr.classList.add('flash');
      var before = null;
      if (table.dataset.sort === 'name') {
        var rows = tbody.querySelectorAll('tr.pod-row');
        for (var i = 0; i < rows.length; i++) {
          var later = table.dataset.descending === 'true' ? rows[i].dataset.name < row.name : rows[i].dataset.name > row.name;
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

  document.addEventListener('DOMContentLoaded', function () {
    var table = document.getElementById('pods');
    if (!table || !table.dataset.events || !window.EventSource) { return; }
    var source = new EventSource(table.dataset.events);
    source.addEventListener('pod', function (e) { apply(table, JSON.parse(e.data)); });
    source.addEventListener('freshness', function (e) { setBadge(JSON.parse(e.data).mode); });
    source.addEventListener('problem', function () { setBadge('offline'); source.close(); });
    source.onerror = function () { setBadge('reconnecting'); };
    source.onopen = function () { setBadge('live'); };
  });
}());
