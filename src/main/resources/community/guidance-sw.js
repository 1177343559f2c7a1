// Keeps the guidance form and what it needs on the phone, so that it opens with no signal.
// Network first: with signal the page is always fresh (and refreshes the copy); without, the copy.
var CACHE = 'binhdan-guidance-v1';
var BASE = self.registration.scope.replace(/guidance\/$/, '');
var KEEP = [BASE + 'guidance/new', BASE + 'css/app.css', BASE + 'js/guidance.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (c) { return c.addAll(KEEP); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('binhdan-guidance-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') { return; }
  var url = req.url.split('?')[0].split('#')[0];
  if (KEEP.indexOf(url) < 0) { return; }
  event.respondWith(fetch(req).then(function (res) {
    // a redirect to the login page is not the form: keep the copy we have
    if (res.ok && !res.redirected) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(url, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(url);
  }));
});
