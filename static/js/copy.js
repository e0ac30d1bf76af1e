// Copy buttons: <button data-copy="ID"> copies the text of the element with that id (the YAML page).
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var source = document.getElementById(button.dataset.copy);
      var status = document.getElementById('copy-status');
      var done = function (text) { if (status) { status.textContent = text; } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.textContent).then(function () { done('Copied.'); },
          function () { done('The browser refused the clipboard: select the text and copy it.'); });
      } else {
        var range = document.createRange();
        range.selectNodeContents(source);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        done(document.execCommand('copy') ? 'Copied.' : 'Selected: press Ctrl+C to copy.');
      }
    });
  });
})();
