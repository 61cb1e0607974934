// Opens a side's headline list when its landscape bar segment is clicked or linked to (#side-left, ...).
// The page works without this script: the lists are <details> a reader can open directly.
(function () {
  function openTarget(hash) {
    if (!hash || hash.indexOf('#side-') !== 0) return;
    var el = document.getElementById(hash.substring(1));
    if (el && el.tagName === 'DETAILS') el.open = true;
  }
  document.addEventListener('click', function (e) {
    var a = e.target.closest ? e.target.closest('.bar a[data-side]') : null;
    if (a) openTarget(a.getAttribute('href'));
  });
  window.addEventListener('hashchange', function () { openTarget(location.hash); });
  document.addEventListener('DOMContentLoaded', function () { openTarget(location.hash); });
})();
