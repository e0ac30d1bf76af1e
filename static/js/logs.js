// Follows a container's log (kubectl logs -f): /api/pods/{name}/logs/stream sends server-sent events `line`,
// `end` and `problem`. Lines are appended with textContent only (log text is untrusted), at most MAX_LINES are
// kept on the page, and the view sticks to the bottom while the reader is there. EventSource reconnects by itself
// and resumes after the last line it got (Last-Event-ID); a final `end` (pod gone, container stopped) stops it.
(function () {
  'use strict';
  var MAX_LINES = 5000;
  var button = document.getElementById('follow-button');
  var log = document.getElementById('log');
  var status = document.getElementById('follow-status');
  if (!button || !log || !window.EventSource) { return; }
  var source = null;

  function say(text, tone) {
    status.textContent = text;
    status.className = 'small mb-2 follow-' + (tone || 'info');
  }

  function append(line) {
    var atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    var span = document.createElement('span');
    span.className = 'log-line';
    if (line.timestamp) {
      var ts = document.createElement('span');
      ts.className = 'log-ts';
      ts.textContent = line.timestamp + ' ';
      span.appendChild(ts);
    }
    span.appendChild(document.createTextNode(line.text));
    if (line.cut) {
      var cut = document.createElement('span');
      cut.className = 'log-cut';
      cut.textContent = ' [cut]';
      span.appendChild(cut);
    }
    span.appendChild(document.createTextNode('\n'));
    log.appendChild(span);
    while (log.childElementCount > MAX_LINES) { log.removeChild(log.firstElementChild); }
    var count = document.getElementById('line-count');
    if (count) { count.textContent = String(log.childElementCount); }
    var empty = document.getElementById('log-empty');
    if (empty) { empty.remove(); }
    if (atBottom) { log.scrollTop = log.scrollHeight; }
  }

  function stop(text, tone) {
    if (source) { source.close(); source = null; }
    button.textContent = 'Follow (-f)';
    button.setAttribute('aria-pressed', 'false');
    say(text, tone);
  }

  // EventSource hides the status of a refused connection: ask once more to show the dashboard's own message.
  function explainRefusal(url) {
    var controller = new AbortController();
    fetch(url, { headers: { Accept: 'text/event-stream' }, signal: controller.signal }).then(function (response) {
      if (response.ok) { controller.abort(); stop('The log stream closed. Follow again to resume.', 'warn'); return; }
      return response.json().then(function (body) {
        stop(body.error.title + ': ' + body.error.message, 'problem');
      });
    }).catch(function () { stop('The dashboard is not reachable. Follow again once it is.', 'problem'); });
  }

  function start() {
    var url = button.dataset.stream;
    var since = button.dataset.since;
    if (since) { url += '&since=' + encodeURIComponent(since); }
    source = new EventSource(url);
    button.textContent = 'Stop following';
    button.setAttribute('aria-pressed', 'true');
    say('Connecting…');
    source.onopen = function () { say('Following: new lines appear below as the container writes them.', 'live'); };
    source.addEventListener('line', function (e) {
      var line = JSON.parse(e.data);
      if (line.timestamp || e.lastEventId) { button.dataset.since = e.lastEventId || line.timestamp; }
      append(line);
    });
    source.addEventListener('end', function (e) {
      var end = JSON.parse(e.data);
      if (end.last) { stop(end.reason, 'done'); } else { say(end.reason + ' Reconnecting…', 'warn'); }
    });
    source.addEventListener('problem', function (e) {
      var error = JSON.parse(e.data).error;
      stop(error.title + ': ' + error.message, 'problem');
    });
    source.onerror = function () {
      if (!source) { return; }
      if (source.readyState === EventSource.CLOSED) {
        var refused = source.url;
        source.close();
        source = null;
        explainRefusal(refused);
      } else {
        say('Connection lost; reconnecting…', 'warn');
      }
    };
  }

  button.addEventListener('click', function () {
    if (source) { stop('Stopped following.'); } else { start(); }
  });
  window.addEventListener('pagehide', function () { if (source) { source.close(); } });
})();
