// The connectors list and a connector's page: shows a connection test's five checks, and holds the
// live parts' polling while a confirm dialog is open (a swap under an open question would replace
// the button being asked about). The calls themselves are console.js's data-api buttons.
(function () {
  'use strict';

  function panel() { return document.getElementById('test-result'); }

  function cell(row, text, className) {
    var td = document.createElement('td');
    if (className) {
      var badge = document.createElement('span');
      badge.className = className;
      badge.textContent = text;
      td.appendChild(badge);
    } else {
      td.textContent = text || '';
    }
    row.appendChild(td);
  }

  function word(status) {
    var s = String(status || '').toLowerCase();
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function show(name, summary, checks) {
    var box = panel();
    if (!box) return;
    box.querySelector('[data-test-summary]').textContent = summary;
    var body = box.querySelector('[data-test-checks]');
    body.textContent = '';
    (checks || []).forEach(function (check) {
      var row = document.createElement('tr');
      cell(row, check.check.replace(/_/g, ' ').toLowerCase().replace(/^./, function (c) { return c.toUpperCase(); }).replace(/^Tls /, 'TLS '));
      cell(row, word(check.status), 'badge state-' + check.status);
      cell(row, check.message);
      cell(row, check.fix);
      body.appendChild(row);
    });
    box.hidden = false;
  }

  document.addEventListener('click', function (event) {
    var test = event.target.closest('[data-connection-test]');
    if (test) {
      show(test.getAttribute('data-name'), 'Testing “' + test.getAttribute('data-name') + '”: the five checks are running…', []);
    }
    if (event.target.closest('[data-close-test]')) {
      panel().hidden = true;
    }
  });

  // Delete…: one question naming what each choice loses; the choice is a data-api call.
  function deleteDialog() { return document.getElementById('delete-dialog'); }

  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-delete-connector]');
    var dialog = deleteDialog();
    if (opener && dialog) {
      var id = opener.getAttribute('data-id');
      dialog.querySelector('[data-delete-name]').textContent = '“' + opener.getAttribute('data-name') + '”';
      dialog.querySelectorAll('[data-delete-choice]').forEach(function (choice) {
        choice.setAttribute('data-api', 'DELETE /api/v1/connectors/' + encodeURIComponent(id) + '?data=' + choice.getAttribute('data-delete-choice'));
        choice.setAttribute('data-then', opener.getAttribute('data-after') || 'reload');
      });
      dialog.showModal();
      return;
    }
    if (dialog && event.target.closest('[data-delete-cancel]')) dialog.close();
    // console.js has sent the call already (its listener came first); the question is answered.
    if (dialog && event.target.closest('[data-delete-choice]')) dialog.close();
  });

  document.addEventListener('api:done', function (event) {
    var test = event.target.closest && event.target.closest('[data-connection-test]');
    if (!test) return;
    var result = event.detail.body || {};
    var name = test.getAttribute('data-name');
    show(name, (result.passed ? 'All five checks passed for “' : 'A check failed for “') + name + '”.', result.checks);
  });

  // A live part that comes back as something else (signed out meanwhile: redirected to sign in;
  // the connector deleted elsewhere; the role changed) is not swapped in: the page is opened again
  // and says so itself (sign-in that comes back here, "Not found", "Not allowed").
  document.addEventListener('htmx:beforeSwap', function (event) {
    var detail = event.detail;
    var xhr = detail.xhr;
    var asked = detail.requestConfig && detail.requestConfig.path;
    var redirected = xhr && xhr.responseURL && asked &&
      new URL(xhr.responseURL).pathname !== new URL(asked, window.location.href).pathname;
    if (redirected || (xhr && [401, 403, 404].indexOf(xhr.status) >= 0)) {
      detail.shouldSwap = false;
      detail.isError = false;
      window.location.reload();
    }
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    // Not while a question is open or a call is on its way: the swap would drop its button.
    if (document.querySelector('dialog[open], [aria-busy=true]')) event.preventDefault();
  });
})();
