// Runs before the first paint (a tiny classic script, under the page's CSP): the page is
// pre-rendered at build time in Chinese, in the score view, for a page without a preset. When
// this visit will show something else (another language or view, an embed, a rule pack from
// the link or stored), the pre-rendered copy is not shown, so nothing wrong flashes before
// the app replaces it. The app never depends on this script.
(function () {
  var d = document.documentElement;
  try {
    var q = new URLSearchParams(location.search);
    var lang = q.get('lang');
    var view = q.get('view');
    var pack = q.get('pack');
    var stored = null;
    try { stored = JSON.parse(localStorage.getItem('servicescore.state') || 'null'); } catch (e) { stored = null; }
    if (stored && typeof stored === 'object') {
      if (!lang) lang = stored.lang;
      if (!view) view = stored.view;
      if (!pack) pack = stored.pack;
    }
    var other = (lang && !/^zh/i.test(String(lang))) ||
      (view && String(view).toLowerCase() !== 'score') ||
      q.get('embed') === '1' || q.get('embed') === 'true' ||
      (pack && pack !== 'xhs-2022-08');
    if (other) d.classList.add('no-prerender');
  } catch (e) {
    d.classList.add('no-prerender');
  }
})();
