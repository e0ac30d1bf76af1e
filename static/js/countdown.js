// Live countdowns on the token page. Each <span class="countdown" data-target="EPOCH" data-server-now="EPOCH">
// counts from the server's clock (the time the page was rendered), not the browser's, so it stays right even
// when the two clocks disagree. Loaded as a file: the Content-Security-Policy forbids inline script.
(function () {
  'use strict';
  var loaded = Date.now();

  function span(seconds) {
    var d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600),
        m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    if (d >= 2) { return d + ' days ' + h + ' h'; }
    h += d * 24;
    if (h > 0) { return h + ' h ' + m + ' min ' + s + ' s'; }
    if (m > 0) { return m + ' min ' + s + ' s'; }
    return s + ' s';
  }

  function tick() {
    var elapsed = (Date.now() - loaded) / 1000;
    document.querySelectorAll('.countdown').forEach(function (el) {
      var target = Number(el.dataset.target), now = Number(el.dataset.serverNow) + elapsed;
      if (!isFinite(target) || !isFinite(now)) { return; }
      var left = Math.round(target - now);
      el.textContent = left >= 0 ? 'in ' + span(left) : span(-left) + ' ago';
      el.classList.toggle('countdown-past', left < 0);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    tick();
    setInterval(tick, 1000);
  });
}());
