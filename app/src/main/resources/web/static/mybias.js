// "My news bias": the reader's history of opened stories and article links, kept in this browser's localStorage
// only. Nothing is sent to the server: the story data comes from the page's data-* attributes, and the /my-bias
// page reads the history here and asks the server only for the current blindspots (a plain GET, no history in it).
(function () {
  'use strict';
  var KEY = 'parallax.reading.v1';
  /** Entries kept; the oldest are dropped first. */
  var MAX_ENTRIES = 500;
  var SIDES = ['left', 'center', 'right', 'unrated'];
  var SIDE_LABEL = {left: 'Left', center: 'Center', right: 'Right', unrated: 'Unrated', balanced: 'Balanced'};

  function load() {
    try {
      var v = JSON.parse(window.localStorage.getItem(KEY) || '[]');
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [];
    }
  }

  function save(entries) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(entries.slice(-MAX_ENTRIES)));
    } catch (e) { /* storage full or disabled: reading still works, nothing is recorded */ }
  }

  /** Adds an entry, replacing an earlier one with the same key so a re-read moves it to the end. */
  function record(entry) {
    var entries = load().filter(function (e) { return e.key !== entry.key; });
    entries.push(entry);
    save(entries);
  }

  function recordStory(page) {
    var data;
    try { data = JSON.parse(page.getAttribute('data-reading')); } catch (e) { return; }
    if (!data || typeof data.id !== 'string') return;
    data.type = 'story';
    data.key = 'story:' + data.id;
    data.at = new Date().toISOString();
    record(data);
    page.addEventListener('click', function (e) { articleClick(page, data.id, e); });
    page.addEventListener('auxclick', function (e) { articleClick(page, data.id, e); });
  }

  /** A click on a link to an article (in the article list or a headline list): records its outlet, side, factuality. */
  function articleClick(page, storyId, e) {
    var a = e.target.closest ? e.target.closest('a[href]') : null;
    if (!a || a.host === location.host) return;
    var href = a.href, items = page.querySelectorAll('li.article[data-article]');
    for (var i = 0; i < items.length; i++) {
      var link = items[i].querySelector('a[rel~="nofollow"][href]');
      if (link && link.href === href && !(link.closest('.join-reasons'))) {
        var li = items[i];
        record({type: 'article', key: 'article:' + li.getAttribute('data-article'), story: storyId,
          outlet: li.getAttribute('data-outlet') || '', side: li.getAttribute('data-side') || 'unrated',
          factuality: li.getAttribute('data-factuality') || null, at: new Date().toISOString()});
        return;
      }
    }
  }

  // ---- the /my-bias page ----

  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text != null) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  }

  function pct(n, total) { return total ? Math.round(100 * n / total) + '%' : '0%'; }

  function fillTable(table, counts, order, label) {
    var body = table.querySelector('tbody');
    body.textContent = '';
    var total = 0, keys = order || Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    keys.forEach(function (k) { total += counts[k] || 0; });
    keys.forEach(function (k) {
      if (!counts[k]) return;
      var tr = el('tr');
      tr.setAttribute('data-key', k);
      tr.appendChild(el('td', label ? label(k) : k));
      tr.appendChild(el('td', String(counts[k])));
      tr.appendChild(el('td', pct(counts[k], total)));
      body.appendChild(tr);
    });
    if (!body.children.length) {
      var tr = el('tr'), td = el('td', 'Nothing yet.', 'meta');
      td.colSpan = 3;
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  /** The side with most of a story's rated sources; "balanced" on a tie or with none rated. */
  function leaning(l) {
    var best = 'balanced', max = 0, tie = false;
    ['left', 'center', 'right'].forEach(function (s) {
      var n = l[s] || 0;
      if (n > max) { max = n; best = s; tie = false; } else if (n === max && n > 0) { tie = true; }
    });
    return tie ? 'balanced' : best;
  }

  function render(root) {
    var entries = load();
    var stories = entries.filter(function (e) { return e.type === 'story'; }).reverse();
    var articles = entries.filter(function (e) { return e.type === 'article'; });
    var status = document.getElementById('my-bias-status');
    status.textContent = entries.length
      ? 'From your reading history in this browser: ' + stories.length + (stories.length === 1 ? ' story' : ' stories')
        + ' opened and ' + articles.length + (articles.length === 1 ? ' article link' : ' article links') + ' followed.'
      : 'Your reading history is empty: open a story and its articles, and they will be summarised here.';

    var bySide = {}, share = {left: 0, center: 0, right: 0, unrated: 0};
    stories.forEach(function (s) {
      var l = s.landscape || {}, k = leaning(l), total = 0;
      bySide[k] = (bySide[k] || 0) + 1;
      SIDES.forEach(function (side) { total += l[side] || 0; });
      if (total) SIDES.forEach(function (side) { share[side] += (l[side] || 0) / total; });
    });
    fillTable(document.getElementById('my-bias-story-sides'), bySide, ['left', 'center', 'right', 'balanced'],
      function (k) { return SIDE_LABEL[k]; });
    var bar = document.getElementById('my-bias-bar');
    bar.textContent = '';
    if (stories.length) {
      SIDES.forEach(function (side) {
        var w = Math.round(100 * share[side] / stories.length);
        if (w > 0) bar.appendChild(el('span', side.charAt(0).toUpperCase() + ' ' + w + '%', side + ' w' + w));
      });
    }
    bar.hidden = !stories.length;

    var artSides = {}, outlets = {}, fact = {};
    articles.forEach(function (a) {
      artSides[a.side] = (artSides[a.side] || 0) + 1;
      var o = outlets[a.outlet] || (outlets[a.outlet] = {name: a.outlet, side: a.side, articles: 0, stories: 0});
      o.articles++;
      var f = a.factuality || 'unknown';
      fact[f] = (fact[f] || 0) + 1;
    });
    fillTable(document.getElementById('my-bias-article-sides'), artSides, SIDES, function (k) { return SIDE_LABEL[k]; });
    stories.forEach(function (s) {
      (s.outlets || []).forEach(function (o) {
        var x = outlets[o.name] || (outlets[o.name] = {name: o.name, side: o.side, articles: 0, stories: 0});
        x.stories++;
      });
      var mix = s.factuality || {};
      Object.keys(mix).forEach(function (f) { fact[f] = (fact[f] || 0) + mix[f]; });
    });
    fillTable(document.getElementById('my-bias-factuality-table'), fact, null, null);

    var list = document.getElementById('my-bias-outlet-list');
    list.textContent = '';
    Object.keys(outlets).map(function (k) { return outlets[k]; })
      .sort(function (a, b) { return b.articles - a.articles || b.stories - a.stories || (a.name < b.name ? -1 : 1); })
      .slice(0, 15).forEach(function (o) {
        var li = el('li');
        li.appendChild(el('span', o.side, 'chip ' + (SIDES.indexOf(o.side) >= 0 ? o.side : 'unrated')));
        li.appendChild(document.createTextNode(' '));
        li.appendChild(el('strong', o.name));
        li.appendChild(el('span', ' · ' + o.articles + (o.articles === 1 ? ' article' : ' articles') + ' opened, in '
          + o.stories + (o.stories === 1 ? ' story' : ' stories') + ' you opened', 'meta'));
        list.appendChild(li);
      });
    if (!list.children.length) list.appendChild(el('li', 'Nothing yet.', 'meta'));

    var sl = document.getElementById('my-bias-story-list');
    sl.textContent = '';
    stories.forEach(function (s) {
      var li = el('li', null, 'my-bias-story');
      li.setAttribute('data-story', s.id);
      var a = el('a', s.title);
      a.href = '/story/' + encodeURIComponent(s.id);
      li.appendChild(a);
      var l = s.landscape || {};
      li.appendChild(el('span', ' · ' + SIDE_LABEL[leaning(l)] + ' · ' + (l.left || 0) + ' left, ' + (l.center || 0)
        + ' center, ' + (l.right || 0) + ' right' + (s.date ? ' · ' + s.date.substring(0, 10) : ''), 'meta'));
      sl.appendChild(li);
    });
    if (!sl.children.length) sl.appendChild(el('li', 'No story opened yet.', 'meta'));

    var bl = document.getElementById('my-bias-blindspot-list');
    var opened = {};
    stories.forEach(function (s) { opened[s.id] = true; });
    var limit = parseInt(root.getAttribute('data-blindspot-limit'), 10) || 100;
    fetch('/api/blindspots?limit=' + limit, {credentials: 'omit', headers: {Accept: 'application/json'}})
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
      .then(function (found) {
        bl.textContent = '';
        found.filter(function (o) { return o.story && !opened[o.story.id]; }).forEach(function (o) {
          var li = el('li', null, 'my-bias-blindspot');
          li.setAttribute('data-story', o.story.id);
          var a = el('a', o.story.title);
          a.href = '/story/' + encodeURIComponent(o.story.id);
          li.appendChild(a);
          if (o.blindspot) li.appendChild(el('span', ' · blindspot for the ' + o.blindspot.side, 'meta'));
          bl.appendChild(li);
        });
        if (!bl.children.length) bl.appendChild(el('li', found.length ? 'You opened every current blindspot.' : 'No blindspot stories right now.', 'meta'));
      })
      .catch(function () { bl.textContent = ''; bl.appendChild(el('li', 'The current blindspots could not be loaded.', 'meta')); });
  }

  function start() {
    var page = document.querySelector('article.story-page[data-reading]');
    if (page) recordStory(page);
    var root = document.getElementById('my-bias');
    if (!root) return;
    var nojs = document.getElementById('my-bias-nojs');
    if (nojs) nojs.hidden = true;
    document.getElementById('my-bias-report').hidden = false;
    document.getElementById('my-bias-forget-button').addEventListener('click', function () {
      try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
      render(root);
      document.getElementById('my-bias-status').textContent = 'Your reading history was forgotten: nothing is kept in this browser any more.';
    });
    render(root);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
