// The token page's rotation history: asks /api/token every 10 s and, when the kubelet has written a new token,
// adds its row and updates the "rotated … (every ~N min)" note without a reload. Cells are set with textContent.
(function () {
  'use strict';
  var table = document.getElementById('token-history');
  if (!table || !window.fetch) { return; }
  var body = table.tBodies[0];
  function cell(text) {
    var td = document.createElement('td');
    td.textContent = text;
    return td;
  }
  function refresh() {
    fetch(table.dataset.api, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (page) {
      if (!page || !page.history || page.history.length === body.rows.length) { return; }
      body.textContent = '';
      page.history.forEach(function (e) {
        var tr = document.createElement('tr');
        tr.className = 'history-row';
        tr.appendChild(cell(e.seenAt));
        tr.appendChild(cell(e.iat || '-'));
        tr.appendChild(cell(e.warnafter || '-'));
        tr.appendChild(cell(e.exp || 'never'));
        var code = document.createElement('code');
        code.textContent = e.fingerprint;
        var td = document.createElement('td');
        td.appendChild(code);
        tr.appendChild(td);
        body.appendChild(tr);
      });
      var note = document.getElementById('rotation-note');
      if (note) { note.textContent = page.rotations || ''; }
    }).catch(function () { /* the next poll tries again */ });
  }
  window.setInterval(refresh, Number(table.dataset.every || 10000));
})();
