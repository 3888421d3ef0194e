// Issuing an API token: the form is sent to the API as the signed-in person, and the token the API
// answers is shown once, here, never again (the server keeps only its hash). "Done" reloads the page
// and with it the listing, which never carries a token.
(function () {
  'use strict';

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-token-issue')) return;
    event.preventDefault();
    var S = window.Sightline;
    S.clearErrors(form);
    var body = { name: form.elements.name.value };
    var day = form.elements.expiresOn.value;
    // The end of the chosen UTC day: the API takes an instant.
    if (day) body.expiresAt = day + 'T23:59:59Z';
    var submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    S.api('POST', form.getAttribute('data-path'), body).then(function (result) {
      submit.disabled = false;
      if (!result.ok) {
        S.showError(form, result);
        return;
      }
      var shown = form.querySelector('[data-token-shown]');
      shown.querySelector('[data-token-value]').textContent = result.body.token;
      shown.hidden = false;
      submit.hidden = true;
      shown.querySelector('[data-token-done]').focus();
    });
  });

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-token-done]')) window.location.reload();
  });
})();
