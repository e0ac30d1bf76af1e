// The lesson page: the steps' states refreshed from /api/lesson every 4 s without a reload; in presenter mode one
// step to a screen with ← and → (the steps a browser has seen hold are remembered: "held at 10:42"); and the
// bound-token lab, which asks /api/lab/{id} every 5 s while the page is open. Loaded as a file: the
// Content-Security-Policy forbids inline script. Everything is written with textContent.
(function () {
  'use strict';
  var LABELS = {'holds': '✓ holds now', 'not-yet': '○ not yet', 'unknown': '✗ cannot be checked from here'};
  var HELD = 'pd-lesson-held';

  function held() {
    try { return JSON.parse(window.localStorage.getItem(HELD) || '{}'); } catch (e) { return {}; }
  }
  function remember(map) {
    try { window.localStorage.setItem(HELD, JSON.stringify(map)); } catch (e) { /* private mode */ }
  }
  function hhmm() {
    var d = new Date();
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }

  function show(step, state, evidence, seen) {
    var li = document.getElementById('step-' + step);
    if (!li) { return; }
    li.dataset.state = state;
    var badge = li.querySelector('[data-role=badge]');
    badge.textContent = LABELS[state] || state;
    badge.className = 'state-badge state-' + state;
    li.querySelector('[data-role=evidence]').textContent = evidence;
    if (state === 'holds' && !seen[step]) { seen[step] = hhmm(); }
    li.querySelector('[data-role=held]').textContent = seen[step] ? 'held at ' + seen[step] + ' in this browser' : '';
  }

  function refresh(lesson) {
    fetch(lesson.dataset.api, {credentials: 'same-origin'}).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (view) {
        if (!view) { return; }
        var seen = held();
        view.steps.forEach(function (s) { show(s.id, s.state, s.evidence, seen); });
        remember(seen);
        var checked = document.getElementById('lesson-checked');
        if (checked && view.checkedAt) { checked.textContent = view.checkedAt.substring(11, 19); }
      }).catch(function () { /* the next round tries again */ });
  }

  // Presenter mode: one step to a screen; the current one is in the URL's fragment.
  function presenter(lesson) {
    var steps = Array.prototype.slice.call(lesson.querySelectorAll('.lesson-step'));
    if (!steps.length) { return; }
    var at = Math.max(0, steps.findIndex(function (s) { return '#' + s.id === window.location.hash; }));
    function go(i) {
      at = Math.max(0, Math.min(steps.length - 1, i));
      steps.forEach(function (s, k) { s.classList.toggle('current', k === at); });
      // the lab shares the screen only with the steps it checks
      var lab = document.getElementById('lab');
      if (lab) { lab.classList.toggle('current', steps[at].getAttribute('data-lab') === 'true'); }
      if (window.history && window.history.replaceState) { window.history.replaceState(null, '', '#' + steps[at].id); }
    }
    go(at);
    document.addEventListener('keydown', function (e) {
      var target = e.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
      if (!document.documentElement.classList.contains('presenter')) { return; }
      if (e.key === 'ArrowRight') { e.preventDefault(); go(at + 1); }
      if (e.key === 'ArrowLeft') { e.preventDefault(); go(at - 1); }
    });
  }

  // The lab.
  function text(id, value) { document.getElementById(id).textContent = value; }

  function drawLab(lab) {
    document.getElementById('lab-result').classList.remove('d-none');
    text('lab-bound', lab.boundObject);
    text('lab-object', lab.boundObjectState ? lab.boundObjectState : 'not bound to an object');
    text('lab-expiry', lab.token.expiry ? lab.token.expiry.utc + ' (' + lab.token.expiry.claim + ')' : 'never');
    var state = document.getElementById('lab-state');
    state.textContent = lab.state;
    state.className = 'state-badge state-' + lab.state;
    text('lab-checked', 'asked at ' + lab.checkedAt.substring(11, 19) + ' UTC');
    var problem = document.getElementById('lab-no-permission');
    problem.classList.toggle('d-none', !lab.reviewProblem);
    problem.textContent = lab.reviewProblem ? lab.reviewProblem + ' ' + (lab.grant || []).join(' ') : '';
    var timeline = document.getElementById('lab-timeline');
    timeline.textContent = '';
    lab.timeline.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'lab-point lab-' + p.result;
      li.textContent = p.at.substring(11, 19) + ' UTC: ' + p.result + (p.detail ? ' (' + p.detail + ')' : '');
      timeline.appendChild(li);
    });
    var deletion = document.getElementById('lab-deletion');
    deletion.textContent = '';
    (lab.token.deletion || []).forEach(function (d) {
      var li = document.createElement('li');
      li.textContent = d.object + ': ' + (d.invalidates ? 'stops working. ' : 'keeps working. ') + d.effect
        + (d.command ? ' (' + d.command + ')' : '');
      deletion.appendChild(li);
    });
  }

  function lab() {
    var form = document.getElementById('lab-form');
    if (!form) { return; }
    var polling = null;
    var current = null;
    var problem = document.getElementById('lab-problem');
    function fail(message) { problem.textContent = message; problem.classList.remove('d-none'); }
    function stop() { if (polling) { window.clearInterval(polling); polling = null; } }
    function poll() {
      fetch('/api/lab/' + encodeURIComponent(current), {credentials: 'same-origin'}).then(function (r) {
        return r.json().then(function (body) { return {status: r.status, body: body}; });
      }).then(function (answer) {
        if (answer.status === 200) { drawLab(answer.body); } else { stop(); fail(answer.body.error.message); }
      }).catch(function () { /* the next round tries again */ });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      problem.classList.add('d-none');
      var field = document.getElementById('lab-token');
      var body = {token: field.value};
      var audience = document.getElementById('lab-audience').value;
      if (audience) { body.audience = audience; }
      field.value = ''; // the page keeps no copy of it
      fetch('/api/lab', {method: 'POST', credentials: 'same-origin', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)}).then(function (r) {
        return r.json().then(function (b) { return {status: r.status, body: b}; });
      }).then(function (answer) {
        if (answer.status !== 201) { fail(answer.body.error.message); return; }
        stop();
        current = answer.body.id;
        drawLab(answer.body);
        polling = window.setInterval(poll, 5000);
      }).catch(function () { fail('The dashboard did not answer.'); });
    });
    document.getElementById('lab-forget').addEventListener('click', function () {
      if (!current) { return; }
      stop();
      fetch('/api/lab/' + encodeURIComponent(current), {method: 'DELETE', credentials: 'same-origin'});
      current = null;
      document.getElementById('lab-result').classList.add('d-none');
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var lesson = document.getElementById('lesson');
    if (!lesson) { return; }
    var seen = held();
    Array.prototype.forEach.call(lesson.querySelectorAll('.lesson-step'), function (li) {
      show(li.dataset.step, li.dataset.state, li.querySelector('[data-role=evidence]').textContent, seen);
    });
    remember(seen);
    presenter(lesson);
    lab();
    window.setInterval(function () { refresh(lesson); }, 4000);
  });
}());
