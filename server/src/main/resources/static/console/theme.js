// Runs in <head> before the page paints: the theme a person chose (light or dark), or none, in
// which case the stylesheet follows the system's prefers-color-scheme.
(function () {
  try {
    var chosen = localStorage.getItem('sightline-theme');
    if (chosen === 'light' || chosen === 'dark') {
      document.documentElement.setAttribute('data-theme', chosen);
    }
  } catch (e) {
    // Storage refused (private mode): follow the system.
  }
})();
