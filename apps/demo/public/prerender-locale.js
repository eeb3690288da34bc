// index.html is prerendered in English at build time. This runs before the first paint (a classic script
// in <head>: the CSP allows no inline script) and, when the person's language is another one, keeps the
// prerendered page hidden until React has rendered it in their language (src/useLocale.ts shows it again).
// The same rule as preferredLocale() in src/useLocale.ts: the remembered choice, else the browser's language.
(function () {
  var stored = null;
  try {
    stored = window.localStorage.getItem('biometric-login-demo:locale');
  } catch {
    // Storage blocked: the browser's language decides, as in useLocale.ts.
  }
  var locale = stored === 'en' || stored === 'es' ? stored : String(navigator.language).toLowerCase().indexOf('es') === 0 ? 'es' : 'en';
  if (locale !== 'en') document.documentElement.setAttribute('data-prerender-hidden', '');
})();
