// Display settings, remembered in this browser: dark mode (Bootstrap 5.3 colour modes; by default the system's
// prefers-color-scheme) and presenter mode (larger type for a projector, less chrome; also ?present=1).
// Keyboard: "/" focuses the page's filter field.
(function () {
  'use strict';
  var root = document.documentElement;
  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }
  function applyTheme(theme) {
    root.setAttribute('data-bs-theme', theme);
    var button = document.getElementById('theme-toggle');
    if (button) {
      button.setAttribute('aria-pressed', String(theme === 'dark'));
      button.textContent = theme === 'dark' ? 'Light mode' : 'Dark mode';
    }
  }
  function applyPresenter(on) {
    root.classList.toggle('presenter', on);
    var button = document.getElementById('present-toggle');
    if (button) {
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? 'Leave presenter mode' : 'Presenter mode';
    }
  }
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  applyTheme(stored('pd-theme') || (dark ? 'dark' : 'light'));
  var asked = new URLSearchParams(window.location.search).get('present');
  if (asked === '1' || asked === '0') { store('pd-present', asked); }
  applyPresenter(stored('pd-present') === '1');

  document.addEventListener('DOMContentLoaded', function () {
    applyTheme(root.getAttribute('data-bs-theme'));
    applyPresenter(root.classList.contains('presenter'));
    var theme = document.getElementById('theme-toggle');
    if (theme) {
      theme.addEventListener('click', function () {
        var next = root.getAttribute('data-bs-theme') === 'dark' ? 'light' : 'dark';
        store('pd-theme', next);
        applyTheme(next);
      });
    }
    var present = document.getElementById('present-toggle');
    if (present) {
      present.addEventListener('click', function () {
        var on = !root.classList.contains('presenter');
        store('pd-present', on ? '1' : '0');
        applyPresenter(on);
      });
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var target = e.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { return; }
    var filter = document.getElementById('filter-input');
    if (filter) { e.preventDefault(); filter.focus(); }
  });
})();
