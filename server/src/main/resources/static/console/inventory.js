// Assets > Host and Findings > Vulnerability: token completion in the query bar from the token
// catalogue (GET /api/v1/query/tokens, the same list the API checks queries against), and what
// follows an Unlink. The query itself is only ever read by the server.
(function () {
  'use strict';

  var WORD = /[A-Za-z_][A-Za-z0-9_.]*$/;
  var VALUE = /([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*([A-Za-z0-9_*-]*)$/;
  var MAX = 12;

  /** The parent token of the nested term the text ends inside (lower case), or null. */
  function openParent(text) {
    var nested = /([A-Za-z_][A-Za-z0-9_.]*)\s*:\s*\(/g;
    var found = null;
    var match;
    while ((match = nested.exec(text)) !== null) {
      var rest = text.substring(nested.lastIndex);
      var depth = 1;
      for (var i = 0; i < rest.length; i++) {
        if (rest[i] === '(') depth++;
        else if (rest[i] === ')') depth--;
      }
      if (depth > 0) found = match[1].toLowerCase();
    }
    return found;
  }

  function setUp(input) {
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var tokens = null;
    var loading = null;
    var options = [];
    var active = -1;
    var replace = null;

    function load() {
      if (tokens || loading) return loading;
      loading = window.Sightline.api('GET', '/api/v1/query/tokens?entity=' + encodeURIComponent(input.getAttribute('data-entity')))
        .then(function (result) { tokens = result.ok && Array.isArray(result.body) ? result.body : []; });
      return loading;
    }

    function close() {
      list.hidden = true;
      list.innerHTML = '';
      options = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function show(items, start) {
      close();
      if (!items.length) return;
      replace = start;
      items.slice(0, MAX).forEach(function (item, i) {
        var li = document.createElement('li');
        li.id = input.id + '-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        var name = document.createElement('span');
        name.className = 'option-name';
        name.textContent = item.label;
        li.appendChild(name);
        if (item.hint) {
          var hint = document.createElement('span');
          hint.className = 'option-hint';
          hint.textContent = item.hint;
          li.appendChild(hint);
        }
        li.addEventListener('mousedown', function (event) { event.preventDefault(); accept(i); });
        list.appendChild(li);
        options.push(item);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function mark(i) {
      var items = list.querySelectorAll('[role=option]');
      items.forEach(function (li, n) { li.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      active = i;
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function accept(i) {
      var item = options[i];
      if (!item) return;
      var caret = input.selectionStart;
      var text = input.value;
      input.value = text.substring(0, replace) + item.insert + text.substring(caret);
      var at = replace + item.insert.length;
      input.setSelectionRange(at, at);
      close();
      input.focus();
    }

    function suggest() {
      if (!tokens) { load().then(suggest); return; }
      var before = input.value.substring(0, input.selectionStart);
      var value = before.match(VALUE);
      if (value) {
        var token = tokens.find(function (t) { return t.token.toLowerCase() === value[1].toLowerCase(); });
        if (token && token.values && token.values.length) {
          var typed = value[2].toLowerCase();
          show(token.values.filter(function (v) { return v.toLowerCase().indexOf(typed) === 0; })
            .map(function (v) { return { label: v, hint: token.token, insert: /[\s"]/.test(v) ? '"' + v + '"' : v }; }),
            before.length - value[2].length);
          return;
        }
        close();
        return;
      }
      var word = before.match(WORD);
      if (!word || /^(and|or|not|is|null)$/i.test(word[0])) { close(); return; }
      var typedWord = word[0].toLowerCase();
      // Inside parent:( … ) tokens are named without the parent's prefix (inventory:(source:…)).
      var parent = openParent(before.substring(0, before.length - word[0].length));
      var starts = [];
      var contains = [];
      tokens.forEach(function (t) {
        var name = t.token.toLowerCase();
        if (parent) {
          if (name.indexOf(parent + '.') !== 0) return;
          t = { token: t.token.substring(parent.length + 1), type: t.type, example: t.example };
          name = t.token.toLowerCase();
        }
        if (name === typedWord) return;
        if (name.indexOf(typedWord) === 0) starts.push(t);
        else if (name.indexOf(typedWord) > 0) contains.push(t);
      });
      show(starts.concat(contains).map(function (t) {
        return { label: t.token, hint: t.type + (t.example ? ' · ' + t.example : ''), insert: t.token + ':' };
      }), before.length - word[0].length);
    }

    input.addEventListener('focus', load);
    input.addEventListener('input', suggest);
    input.addEventListener('blur', function () { window.setTimeout(close, 0); });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) return;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        mark((active + 1) % options.length);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        mark(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        accept(active);
      } else if (event.key === 'Tab' && !event.shiftKey) {
        // Tab takes the marked option, or the first; Enter without one runs the query.
        event.preventDefault();
        accept(active >= 0 ? active : 0);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[role=combobox][data-entity]').forEach(setUp);
  });

  // After an Unlink, the asset's page again, naming the assets the split founded.
  document.addEventListener('api:done', function (event) {
    if (!event.target.hasAttribute('data-unlink')) return;
    var body = event.detail.body || {};
    var ids = body.newAssetIds || [];
    window.location.assign(window.location.pathname + (ids.length ? '?split=' + ids.join(',') : ''));
  });

  // Esc closes an open panel (column choice, saved views).
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = document.activeElement && document.activeElement.closest('details[open]');
    if (open) {
      open.open = false;
      open.querySelector('summary').focus();
    }
  });
})();
