// The console's behaviour, shared by every page. It holds no business rule: changes go to the
// REST API (the same calls, roles and audit as any client), and errors are shown in the API's
// own words. Pages opt in with data- attributes:
//   <form data-api="POST /api/v1/…" data-then="go:/path|reload|next|event">  a form sent as JSON
//   <button data-api="POST /api/v1/…" data-confirm="What will be lost">         a one-click call
//   name="auth.client_id" nests the value; data-type="number|boolean|json|list" converts it.
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** Calls the API as the signed-in person; resolves to {ok, status, body}. */
  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    var token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
    var init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.text().then(function (text) {
        var parsed = null;
        try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = { message: text }; }
        return { ok: response.ok, status: response.status, body: parsed };
      });
    }, function () {
      return { ok: false, status: 0, body: { message: 'The server did not answer: check that Sightline is running, then try again.' } };
    });
  }

  function setPath(target, path, value) {
    var keys = path.split('.');
    for (var i = 0; i < keys.length - 1; i++) {
      if (typeof target[keys[i]] !== 'object' || target[keys[i]] === null) target[keys[i]] = {};
      target = target[keys[i]];
    }
    target[keys[keys.length - 1]] = value;
  }

  function fieldValue(el) {
    var type = el.getAttribute('data-type');
    if (el.type === 'checkbox' && type !== 'list') return el.checked;
    var v = el.value;
    if (type === 'number') return v === '' ? null : Number(v);
    if (type === 'boolean') return v === 'true';
    if (type === 'json') { try { return v.trim() ? JSON.parse(v) : null; } catch (e) { throw { field: el.name, message: 'is not valid JSON: ' + e.message }; } }
    if (type === 'list') return v.split(',').map(function (s) { return s.trim(); }).filter(Boolean);
    return v;
  }

  /** A form's named, enabled fields as a JSON object; fields marked data-skip-empty left out when empty. */
  function formJson(form) {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button') return;
      if (el.closest('[data-exclude]') && el.closest('form') === form) return;
      if (el.type === 'radio' && !el.checked) return;
      if (el.type === 'checkbox' && el.getAttribute('data-type') === 'list') {
        var list = (function (name) {
          var existing = name.split('.').reduce(function (o, k) { return o && o[k]; }, out);
          return Array.isArray(existing) ? existing : [];
        })(el.name);
        if (el.checked) list.push(el.value);
        setPath(out, el.name, list);
        return;
      }
      var value = fieldValue(el);
      if (el.hasAttribute('data-skip-empty') && (value === '' || value === null)) return;
      setPath(out, el.name, value);
    });
    return out;
  }

  function clearErrors(scope) {
    scope.querySelectorAll('[data-field-error]').forEach(function (p) { p.textContent = ''; });
    scope.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var box = scope.querySelector('[data-api-error]');
    if (box) { box.textContent = ''; box.hidden = true; }
  }

  /** Shows an API error: the message on top, each problem beside its field. Secrets are cleared. */
  function showError(scope, result) {
    var body = result.body || {};
    var box = scope.querySelector('[data-api-error]');
    var message = body.message || body.detail || ('The server answered ' + result.status + '.');
    var unplaced = [];
    (body.problems || []).forEach(function (problem) {
      var slot = problem.field && scope.querySelector('[data-field-error="' + CSS.escape(problem.field) + '"]');
      if (slot) {
        slot.textContent = problem.message;
        var input = scope.querySelector('[name="' + CSS.escape(problem.field) + '"]');
        if (input) input.setAttribute('aria-invalid', 'true');
      } else {
        unplaced.push((problem.field ? problem.field + ': ' : '') + problem.message);
      }
    });
    if (box) {
      box.textContent = [message].concat(unplaced).join(' · ');
      box.hidden = false;
    } else {
      window.alert(message);
    }
    scope.querySelectorAll('input[type=password]').forEach(function (el) { el.value = ''; });
  }

  function then(el, result) {
    var next = el.getAttribute('data-then') || 'reload';
    if (next === 'event') {
      el.dispatchEvent(new CustomEvent('api:done', { bubbles: true, detail: result }));
    } else if (next.indexOf('go:') === 0) {
      window.location.assign(next.substring(3));
    } else if (next.indexOf('refresh:') === 0) {
      var target = document.querySelector(next.substring(8));
      if (target && window.htmx) window.htmx.trigger(target, 'refresh');
    } else {
      window.location.reload();
    }
  }

  function confirmed(el) {
    var text = el.getAttribute('data-confirm');
    if (!text) return Promise.resolve(true);
    var dialog = document.getElementById('confirm-dialog');
    if (!dialog) return Promise.resolve(window.confirm(text));
    dialog.querySelector('[data-confirm-text]').textContent = text;
    var ok = dialog.querySelector('[data-confirm-ok]');
    ok.textContent = el.getAttribute('data-confirm-ok') || 'Confirm';
    return new Promise(function (resolve) {
      dialog.addEventListener('close', function onClose() {
        dialog.removeEventListener('close', onClose);
        resolve(dialog.returnValue === 'confirm');
      });
      dialog.returnValue = '';
      dialog.showModal();
    });
  }

  function call(el, body) {
    var spec = el.getAttribute('data-api').split(' ');
    el.setAttribute('aria-busy', 'true');
    var buttons = el.tagName === 'FORM' ? el.querySelectorAll('button[type=submit]') : [el];
    buttons.forEach(function (b) { b.disabled = true; });
    return api(spec[0], spec[1], body).then(function (result) {
      el.removeAttribute('aria-busy');
      buttons.forEach(function (b) { b.disabled = false; });
      var scope = el.closest('[data-api-scope]') || (el.tagName === 'FORM' ? el : document.body);
      if (result.ok) {
        then(el, result);
      } else {
        showError(scope, result);
      }
      return result;
    });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-api')) return;
    event.preventDefault();
    clearErrors(form);
    var body;
    try {
      body = formJson(form);
    } catch (problem) {
      showError(form, { status: 400, body: { message: 'Check the field marked below.', problems: [problem] } });
      return;
    }
    confirmed(form).then(function (yes) { if (yes) call(form, body); });
  });

  document.addEventListener('click', function (event) {
    var el = event.target.closest('button[data-api]');
    if (!el || el.form && el.type === 'submit') return;
    event.preventDefault();
    var scope = el.closest('[data-api-scope]');
    if (scope) clearErrors(scope);
    var body = el.hasAttribute('data-body') ? JSON.parse(el.getAttribute('data-body')) : undefined;
    confirmed(el).then(function (yes) { if (yes) call(el, body); });
  });

  // htmx requests carry the CSRF token like every other call of a signed-in browser.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrfToken();
    if (token) event.detail.headers['X-XSRF-TOKEN'] = token;
  });

  // "/" focuses the query bar (unless one is typing already).
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var active = document.activeElement;
    if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    var bar = document.querySelector('input[name=q]');
    if (bar) { event.preventDefault(); bar.focus(); bar.select(); }
  });

  // The theme switch: system → light → dark → system; the choice is kept in this browser.
  var THEMES = ['system', 'light', 'dark'];
  function currentTheme() { return document.documentElement.getAttribute('data-theme') || 'system'; }
  function labelTheme(button) {
    var theme = currentTheme();
    button.textContent = theme === 'system' ? 'Theme: system' : theme === 'light' ? 'Theme: light' : 'Theme: dark';
    button.setAttribute('aria-label', 'Theme: ' + (theme === 'system' ? 'follow the system' : theme) + '. Change theme');
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-theme-switch]').forEach(function (button) {
      labelTheme(button);
      button.addEventListener('click', function () {
        var next = THEMES[(THEMES.indexOf(currentTheme()) + 1) % THEMES.length];
        if (next === 'system') {
          document.documentElement.removeAttribute('data-theme');
        } else {
          document.documentElement.setAttribute('data-theme', next);
        }
        try { localStorage.setItem('sightline-theme', next); } catch (e) { /* not kept */ }
        labelTheme(button);
      });
    });
  });

  window.Sightline = { api: api, formJson: formJson, showError: showError, clearErrors: clearErrors, csrfToken: csrfToken };
})();
