// The connector wizard (templates/wizard/wizard.html): three steps shown one at a time, the
// connection test gating Next, the schedule's confirmation sentence from the server, and the
// Advanced Settings panel whose tabs each keep what their own Save saved. Every change goes to
// the REST API through Sightline.api; errors are shown in the API's own words beside their fields.
(function () {
  'use strict';

  var root = document.querySelector('main.wizard');
  if (!root) return;
  var api = window.Sightline.api;
  var editing = root.getAttribute('data-mode') === 'edit';
  var connectorId = root.getAttribute('data-connector-id');
  var wasDraft = root.getAttribute('data-draft') === 'true';
  var descriptionMax = Number(root.getAttribute('data-description-max'));
  var MASK = '••••••••';

  var state = {
    type: null,
    testPassed: false,
    connectionTestId: null,
    confirmation: null,
    scheduleOk: false,
    initialAuth: {},
    saved: {},      // tab name -> [{el, value, checked}] as its Save left it
    initial: {},    // tab name -> the same, as the page started
    previewSeq: 0
  };

  function $(sel, scope) { return (scope || root).querySelector(sel); }
  function $all(sel, scope) { return Array.prototype.slice.call((scope || root).querySelectorAll(sel)); }
  var dialog = document.getElementById('advanced');

  // ---- Types ---------------------------------------------------------------------------------

  function forType(el) {
    var owner = el.closest('[data-type-for]');
    return !owner || owner.getAttribute('data-type-for') === state.type;
  }

  function authFieldset() { return state.type && $('fieldset.auth[data-type-for="' + CSS.escape(state.type) + '"]'); }

  function chooseType(type) {
    state.type = type;
    $all('[data-type-for]').concat($all('[data-type-for]', dialog)).forEach(function (section) {
      var mine = section.getAttribute('data-type-for') === type;
      section.hidden = !mine;
      $all('input, select, textarea', section).forEach(function (el) { if (!el.hasAttribute('data-always-disabled')) el.disabled = !mine || el.hasAttribute('data-locked'); });
    });
    var hint = $('[data-type-hint]');
    if (hint) hint.hidden = true;
    $('[data-wizard="test"]').disabled = false;
    resetTest();
  }

  function authValues() {
    var out = {};
    var fs = authFieldset();
    if (!fs) return out;
    $all('[name^="auth."]', fs).forEach(function (el) { out[el.name.substring(5)] = el.value; });
    return out;
  }

  function secretFields() { var fs = authFieldset(); return fs ? $all('[data-secret]', fs) : []; }

  function clearSecrets() { secretFields().forEach(function (el) { el.value = ''; }); }

  // ---- Errors ---------------------------------------------------------------------------------

  function clearErrors() {
    $all('[data-field-error]').concat($all('[data-field-error]', dialog)).forEach(function (p) { p.textContent = ''; });
    $all('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var box = $('[data-wizard-error]');
    box.textContent = ''; box.hidden = true;
  }

  function slotFor(field) {
    return $all('[data-field-error="' + CSS.escape(field) + '"]').filter(forType)[0];
  }

  /** Places each problem beside its field; returns the step of the first one placed. */
  function showProblems(result, lead) {
    var body = result.body || {};
    var unplaced = [];
    var firstStep = null;
    (body.problems || []).forEach(function (problem) {
      var slot = problem.field && slotFor(problem.field);
      if (slot) {
        slot.textContent = problem.message;
        var step = slot.closest('[data-step]');
        if (step && !firstStep) firstStep = step.getAttribute('data-step');
        var input = slot.closest('.field') && slot.closest('.field').querySelector('input, select, textarea');
        if (input) input.setAttribute('aria-invalid', 'true');
      } else {
        unplaced.push((problem.field ? problem.field + ': ' : '') + problem.message);
      }
    });
    var box = $('[data-wizard-error]');
    var message = body.message || body.detail || ('The server answered ' + result.status + '.');
    box.textContent = [lead ? lead + ' ' + message : message].concat(unplaced).join(' · ');
    box.hidden = false;
    return firstStep;
  }

  // ---- Steps ----------------------------------------------------------------------------------

  function showStep(name) {
    $all('[data-step]').forEach(function (s) { s.hidden = s.getAttribute('data-step') !== name; });
    $all('[data-step-marker]').forEach(function (m) {
      if (m.getAttribute('data-step-marker') === name) m.setAttribute('aria-current', 'step');
      else m.removeAttribute('aria-current');
    });
    if (name === 'scope') preview();
    if (name === 'review') review();
    var heading = $('[data-step="' + name + '"] h2');
    if (heading) heading.focus();
  }

  // ---- Description counter ------------------------------------------------------------------

  function count() {
    var d = $('#description');
    var n = d.value.length;
    var counter = $('#description-counter');
    counter.textContent = n + ' of ' + descriptionMax + ' characters' + (n > descriptionMax ? ': ' + (n - descriptionMax) + ' too many' : '');
    counter.classList.toggle('over', n > descriptionMax);
  }

  // ---- Connection test ------------------------------------------------------------------------

  function resetTest() {
    state.testPassed = false;
    state.connectionTestId = null;
    $all('[data-check]').forEach(function (li) { setCheck(li, 'PENDING', 'Not run', null, null); });
    $('[data-test-summary]').textContent = '';
    gateNext();
  }

  function setCheck(li, status, word, message, fix) {
    var badge = li.querySelector('[data-check-status]');
    badge.className = 'badge state-' + status;
    badge.textContent = word;
    var m = li.querySelector('[data-check-message]');
    var f = li.querySelector('[data-check-fix]');
    m.textContent = message || ''; m.hidden = !message;
    f.textContent = fix ? 'To fix: ' + fix : ''; f.hidden = !fix;
  }

  function gateNext() {
    var next = $('[data-step="profile"] [data-wizard="next"]');
    next.disabled = !state.testPassed;
    $('[data-next-hint]').hidden = state.testPassed;
  }

  var STATUS_WORDS = { PASSED: 'Passed', FAILED: 'Failed', SKIPPED: 'Skipped' };

  /** Shows the checks one after another, as they ran, then opens Next when all five passed. */
  function showChecks(checks, passed) {
    var items = $all('[data-check]');
    var i = 0;
    function step() {
      if (i >= checks.length) {
        $('[data-test-summary]').textContent = passed ? 'All five checks passed.' : 'The connection test failed: see the check marked Failed and its fix.';
        state.testPassed = passed;
        gateNext();
        return;
      }
      var c = checks[i];
      var li = items.filter(function (el) { return el.getAttribute('data-check') === c.check; })[0];
      if (li) setCheck(li, c.status, STATUS_WORDS[c.status] || c.status, c.status === 'PASSED' ? null : c.message, c.fix);
      i++;
      window.setTimeout(step, 120);
    }
    step();
  }

  /** Whether the connector's calls are to go through the server's outbound proxy. */
  function useProxy() {
    return $('#use-proxy').checked;
  }

  function connectionChanged() {
    var now = authValues();
    // Going through the proxy or around it is a change of the connection, tested like one.
    if (editing && useProxy() !== (root.getAttribute('data-use-proxy') === 'true')) return true;
    return Object.keys(now).some(function (k) {
      var field = authFieldset().querySelector('[name="auth.' + CSS.escape(k) + '"]');
      if (field && field.hasAttribute('data-secret')) return now[k] !== '';
      return (now[k] || '').trim() !== (state.initialAuth[k] || '').trim();
    });
  }

  function test() {
    clearErrors();
    resetTest();
    var button = $('[data-wizard="test"]');
    $all('[data-check]').forEach(function (li) { setCheck(li, 'RUNNING', 'Running', null, null); });
    $('[data-test-summary]').textContent = 'Testing the connection…';
    var request;
    var blankSecret = secretFields().some(function (el) { return el.value === ''; });
    if (editing && blankSecret) {
      if (connectionChanged()) {
        secretFields().filter(function (el) { return el.value === ''; }).forEach(function (el) {
          var slot = slotFor(el.name);
          if (slot) slot.textContent = 'Enter this secret again: changed connection settings are tested with it.';
          el.setAttribute('aria-invalid', 'true');
        });
        resetTest();
        return;
      }
      // The stored settings, secret included, as they are.
      request = api('POST', '/api/v1/connectors/' + encodeURIComponent(connectorId) + '/test');
    } else {
      request = api('POST', '/api/v1/connectors/test', { type: state.type, name: $('#name').value, auth: authValues(), useProxy: useProxy() });
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    request.then(function (result) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (!result.ok) {
        resetTest();
        clearSecrets();
        showProblems(result);
        return;
      }
      state.connectionTestId = result.body.connectionTestId || null;
      if (!result.body.passed) clearSecrets(); // a failed step keeps what was typed, never the secret
      showChecks(result.body.checks || [], !!result.body.passed);
    });
  }

  // ---- Schedule -------------------------------------------------------------------------------

  function recurring() { var r = $('input[name="scheduleKind"]:checked'); return !r || r.value === 'recurring'; }

  function scheduleBody() {
    var occurs = recurring() ? $('#occurs').value : 'ONCE';
    var body = { occurs: occurs, timezone: $('#timezone').value, start: $('#start-date').value + 'T' + $('#start-time').value };
    if (occurs === 'CRON') body.cron = $('#cron').value;
    return body;
  }

  function scheduleShape() {
    $('[data-recurring-only]').hidden = !recurring();
    $('[data-cron-only]').hidden = !(recurring() && $('#occurs').value === 'CRON');
  }

  var previewTimer = null;
  function preview() {
    window.clearTimeout(previewTimer);
    previewTimer = window.setTimeout(runPreview, 150);
  }

  /**
   * Asks the server how the schedule reads (once per set of values: the answer is kept); resolves
   * to whether it is a valid schedule.
   */
  function runPreview() {
    window.clearTimeout(previewTimer);
    var key = JSON.stringify(scheduleBody());
    if (state.preview && state.preview.key === key) return Promise.resolve(applyPreview(state.preview.result));
    var seq = ++state.previewSeq;
    state.scheduleOk = false;
    return api('POST', '/api/v1/schedules/preview', scheduleBody()).then(function (result) {
      if (seq !== state.previewSeq) return false; // a newer change is on its way
      state.preview = { key: key, result: result };
      return applyPreview(result);
    });
  }

  /** Shows the confirmation sentence, or each problem beside its field. */
  function applyPreview(result) {
    var sentence = $('[data-confirmation]');
    ['schedule.occurs', 'schedule.cron', 'schedule.timezone', 'schedule.start'].forEach(function (f) { var s = slotFor(f); if (s) s.textContent = ''; });
    state.scheduleOk = result.ok;
    if (result.ok) {
      state.confirmation = result.body.confirmation;
      sentence.textContent = result.body.confirmation + '.';
      sentence.classList.remove('invalid');
    } else {
      state.confirmation = null;
      sentence.textContent = 'Not a schedule yet: see the field marked below.';
      sentence.classList.add('invalid');
      (result.body && result.body.problems || []).forEach(function (p) {
        var slot = slotFor(p.field);
        if (slot) slot.textContent = p.message;
        else sentence.textContent += ' ' + p.message;
      });
    }
    return state.scheduleOk;
  }

  // ---- Advanced Settings ----------------------------------------------------------------------

  function tabInputs(name) {
    return $all('[data-tab="' + name + '"] input, [data-tab="' + name + '"] select', dialog);
  }

  function snapshot(name) {
    return tabInputs(name).map(function (el) { return { el: el, value: el.value, checked: el.checked }; });
  }

  function restore(name) {
    (state.saved[name] || []).forEach(function (s) { s.el.value = s.value; s.el.checked = s.checked; });
  }

  /** Whether the tab's saved values differ from those the page started with, for this type. */
  function changed(name) {
    var start = state.initial[name] || [];
    return (state.saved[name] || []).some(function (s, i) {
      return forType(s.el) && (s.value !== start[i].value || s.checked !== start[i].checked);
    });
  }

  function selectTab(tab) {
    $all('[role="tab"]', dialog).forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    });
  }

  function saveTab(button) {
    var panel = button.closest('[data-tab]');
    var name = panel.getAttribute('data-tab');
    var invalid = tabInputs(name).filter(function (el) { return forType(el) && !el.checkValidity(); })[0];
    var status = panel.querySelector('[data-tab-status]');
    if (invalid) {
      status.textContent = 'Not saved: ' + (invalid.getAttribute('aria-label') || (invalid.labels[0] && invalid.labels[0].textContent) || invalid.name) + ': ' + invalid.validationMessage;
      invalid.focus();
      return;
    }
    state.saved[name] = snapshot(name);
    status.textContent = 'Saved. ' + (editing ? 'Applied when you save the connector.' : 'Applied when the connector is created.');
    advancedSummary();
  }

  function closeAdvanced() {
    // What no Save kept is discarded.
    ['filters', 'maps', 'severity'].forEach(restore);
    $all('[data-tab-status]', dialog).forEach(function (s) { s.textContent = ''; });
    if (dialog.open) dialog.close();
  }

  function advancedSummary() {
    var parts = [];
    if (changed('filters')) parts.push('filters');
    if (changed('maps')) parts.push('transform map');
    if (changed('severity')) parts.push('risk severity mapping');
    $('[data-advanced-summary]').textContent = parts.length ? 'Saved changes: ' + parts.join(', ') + '.' : 'Filters, transform maps and the risk severity mapping: the connector\'s defaults.';
  }

  function filtersBody() {
    var out = {};
    $all('[data-filter]', dialog).filter(forType).forEach(function (fs) {
      out[fs.getAttribute('data-filter')] = $all('input[type=checkbox]', fs).filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    });
    return out;
  }

  /** The maps whose rows were changed: a map left as it was keeps its default (or override). */
  function mapsBody() {
    return {
      maps: $all('[data-map-json]', dialog).filter(forType).filter(function (section) {
        return $all('input[data-row]', section).some(function (c) { return c.checked !== c.defaultChecked; });
      }).map(function (section) {
        var map = JSON.parse(section.getAttribute('data-map-json'));
        var kept = {};
        $all('input[data-row]', section).forEach(function (c) { if (c.checked) kept[c.getAttribute('data-row')] = true; });
        map.fields = map.fields.filter(function (row, i) { return kept[i]; });
        return map;
      })
    };
  }

  function severityBody() {
    var box = $all('[data-severity]', dialog).filter(forType)[0];
    var qds = {};
    $all('[data-qds]', box).forEach(function (el) { qds[el.getAttribute('data-qds')] = Number(el.value); });
    return {
      sourceValues: $all('[data-source-value]', box).map(function (tr) {
        return { value: tr.getAttribute('data-source-value'), severity: Number(tr.querySelector('[data-severity-of]').value) };
      }),
      qdsBySeverity: qds,
      defaultSeverity: Number(box.querySelector('[data-default-severity]').value)
    };
  }

  function mappedOut() {
    return $all('[data-map-json]', dialog).filter(forType).reduce(function (n, section) {
      return n + $all('input[data-row]', section).filter(function (c) { return !c.checked; }).length;
    }, 0);
  }

  // ---- Review ---------------------------------------------------------------------------------

  function fact(dl, term, value) {
    var dt = document.createElement('dt'); dt.textContent = term;
    var dd = document.createElement('dd'); dd.textContent = value;
    dl.appendChild(dt); dl.appendChild(dd);
  }

  function tenantChanged() {
    var fs = authFieldset();
    return editing && !!fs && $all('[data-tenant-key]', fs).some(function (el) {
      var norm = function (v) { return (v || '').trim().toLowerCase().replace(/\/+$/, ''); };
      return norm(el.value) !== norm(state.initialAuth[el.name.substring(5)]);
    });
  }

  function review() {
    var dl = $('[data-review]');
    dl.textContent = '';
    var typeInput = $('input[name="type"]:checked');
    fact(dl, 'Connector type', typeInput ? typeInput.closest('label').querySelector('strong').textContent : '');
    fact(dl, 'Name', $('#name').value);
    fact(dl, 'Description', $('#description').value || '(none)');
    $all('.field', authFieldset()).forEach(function (field) {
      var input = field.querySelector('[name^="auth."]');
      var label = field.querySelector('label span').textContent;
      var value = input.hasAttribute('data-secret')
        ? (input.value ? MASK : (editing ? 'Unchanged (the stored value is kept)' : '(none)'))
        : (input.value || '(none)');
      fact(dl, label, value);
    });
    fact(dl, 'Outbound proxy', useProxy() ? 'Used, when this server has one' : 'Not used: calls go direct');
    fact(dl, 'Connection test', state.testPassed ? 'All five checks passed' : 'Not passed');
    fact(dl, 'Data to sync', $('input[name="dataToSync"]:checked').closest('label').textContent.trim());
    fact(dl, 'Schedule', state.confirmation ? state.confirmation : 'Not a valid schedule: go back to Scope & Schedule');
    fact(dl, 'Sampling', $('#sampling').checked ? 'Limit sync to top 1,000 assets and findings' : 'Off: every asset and finding');
    fact(dl, 'Fetch From', $('#fetch-from').value || '1970-01-01');
    var filters = filtersBody();
    Object.keys(filters).forEach(function (k) {
      var legend = $('[data-filter="' + CSS.escape(k) + '"] legend', dialog).textContent;
      fact(dl, legend, filters[k].length ? filters[k].join(', ') : 'Everything');
    });
    var out = mappedOut();
    fact(dl, 'Transform Map', changed('maps') ? 'Edited: ' + out + ' optional row' + (out === 1 ? '' : 's') + ' left out' : (out ? out + ' optional row' + (out === 1 ? '' : 's') + ' left out' : 'Every row of the default'));
    var sev = severityBody();
    fact(dl, 'Risk Severity Mapping', (changed('severity') ? 'Edited' : 'As shown') + ': default severity ' + sev.defaultSeverity + '; QDS ' +
      [1, 2, 3, 4, 5].map(function (s) { return s + '→' + sev.qdsBySeverity[s]; }).join(', '));
    $('[data-tenant-confirm]').hidden = !tenantChanged();
  }

  // ---- Create or save -------------------------------------------------------------------------

  function common() {
    var body = {
      name: $('#name').value,
      description: $('#description').value,
      dataToSync: $('input[name="dataToSync"]:checked').value,
      schedule: scheduleBody(),
      sampling: $('#sampling').checked,
      fetchFrom: $('#fetch-from').value || null,
      useProxy: useProxy()
    };
    var filters = filtersBody();
    if (Object.keys(filters).length) body.filters = filters;
    return body;
  }

  function afterwards(id) {
    var calls = [];
    if (changed('maps')) calls.push(['Transform Map', 'PUT', '/api/v1/connectors/' + id + '/transform-maps', mapsBody()]);
    if (changed('severity')) calls.push(['Risk Severity Mapping', 'PUT', '/api/v1/connectors/' + id + '/severity-mapping', severityBody()]);
    return calls.reduce(function (chain, c) {
      return chain.then(function (failed) {
        if (failed) return failed;
        return api(c[1], c[2], c[3]).then(function (r) { return r.ok ? null : { what: c[0], result: r }; });
      });
    }, Promise.resolve(null));
  }

  /**
   * Shows why the API refused, on the step of the first field concerned. A refused connection
   * (422) or a problem with the profile sends the person back to test again, the secret cleared.
   */
  function fail(result, lead) {
    var step = showProblems(result, lead);
    if (step === 'profile' || result.status === 422) {
      clearSecrets();
      resetTest();
      showStep('profile');
    } else if (step) {
      showStep(step);
    }
  }

  function save(button) {
    clearErrors();
    if (!state.testPassed) { showStep('profile'); return; }
    button.disabled = true;
    var body = common();
    var call;
    if (editing) {
      var auth = authValues();
      secretFields().forEach(function (el) { if (!el.value) delete auth[el.name.substring(5)]; });
      body.auth = auth;
      if (state.connectionTestId) body.connectionTestId = state.connectionTestId;
      if (wasDraft) body.draft = false;
      if ($('#confirm-tenant').checked) body.confirmTenantChange = true;
      call = api('PATCH', '/api/v1/connectors/' + encodeURIComponent(connectorId), body);
    } else {
      body.type = state.type;
      body.auth = authValues();
      if (state.connectionTestId) body.connectionTestId = state.connectionTestId;
      call = api('POST', '/api/v1/connectors', body);
    }
    call.then(function (result) {
      if (!result.ok) {
        button.disabled = false;
        fail(result, editing ? 'Nothing was changed:' : 'The connector was not created:');
        return;
      }
      var id = result.body.id;
      afterwards(id).then(function (failed) {
        if (!failed) { window.location.assign('/connectors'); return; }
        button.disabled = false;
        var box = $('[data-wizard-error]');
        showProblems(failed.result, (editing ? 'The connector was saved' : 'The connector was created') + ', but its ' + failed.what + ' was refused:');
        var link = document.createElement('a');
        link.href = '/connectors/' + encodeURIComponent(id) + '/edit';
        link.textContent = ' Open Edit connector to fix it.';
        box.appendChild(link);
      });
    });
  }

  // ---- Wiring ---------------------------------------------------------------------------------

  root.addEventListener('click', function (event) {
    var el = event.target.closest('[data-wizard]');
    if (!el || el.disabled) return;
    var action = el.getAttribute('data-wizard');
    if (action === 'test') test();
    else if (action === 'next' && el.getAttribute('data-to') === 'review') {
      clearErrors();
      runPreview().then(function (ok) { if (ok) showStep('review'); });
    }
    else if (action === 'next' || action === 'previous') { clearErrors(); showStep(el.getAttribute('data-to')); }
    else if (action === 'advanced') { selectTab($('#tab-filters', dialog)); dialog.showModal(); }
    else if (action === 'close-advanced') closeAdvanced();
    else if (action === 'save-tab') saveTab(el);
    else if (action === 'save') save(el);
  });

  dialog.addEventListener('cancel', function (event) { event.preventDefault(); closeAdvanced(); });

  // Tabs: click, or arrow keys along the tab list.
  $all('[role="tab"]', dialog).forEach(function (tab, i, tabs) {
    tab.addEventListener('click', function () { selectTab(tab); });
    tab.addEventListener('keydown', function (event) {
      var d = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!d) return;
      event.preventDefault();
      var next = tabs[(i + d + tabs.length) % tabs.length];
      selectTab(next); next.focus();
    });
  });

  $all('input[name="type"]').forEach(function (radio) {
    radio.addEventListener('change', function () { if (radio.checked) chooseType(radio.value); });
  });

  // Any change to the connection settings voids a test of the old ones.
  root.addEventListener('input', function (event) {
    if (event.target.name && event.target.name.indexOf('auth.') === 0) {
      if (state.testPassed || state.connectionTestId) resetTest();
      event.target.removeAttribute('aria-invalid');
    }
    if (event.target.id === 'description') count();
  });
  root.addEventListener('change', function (event) {
    var t = event.target;
    if (t.name && t.name.indexOf('auth.') === 0 && (state.testPassed || state.connectionTestId)) resetTest();
    if (t.id === 'use-proxy' && (state.testPassed || state.connectionTestId)) resetTest();
    if (t.name === 'scheduleKind' || t.id === 'occurs' || t.id === 'cron' || t.id === 'timezone' || t.id === 'start-date' || t.id === 'start-time') {
      scheduleShape();
      preview();
    }
  });

  // Start: the type (when editing, its own), the counter, the schedule's shape, the tabs' values.
  var chosen = $('input[name="type"]:checked');
  if (chosen) chooseType(chosen.value);
  else $all('[data-type-for]').concat($all('[data-type-for]', dialog)).forEach(function (s) {
    $all('input, select, textarea', s).forEach(function (el) { el.disabled = true; });
  });
  state.initialAuth = (function () {
    var values = {};
    $all('fieldset.auth [name^="auth."]').forEach(function (el) { if (forType(el)) values[el.name.substring(5)] = el.value; });
    return values;
  })();
  count();
  scheduleShape();
  ['filters', 'maps', 'severity'].forEach(function (name) {
    state.saved[name] = snapshot(name);
    state.initial[name] = snapshot(name);
  });
})();
