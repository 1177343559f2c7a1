// Keeps guidance entries on the phone until the server has them. Each entry gets its id here,
// when it is written, so sending it again after a lost reply records nothing new. Without this
// script the form still posts normally.
(function () {
  var form = document.getElementById('guidance');
  if (!form || !window.fetch || !window.localStorage || !window.JSON) { return; }
  var d = form.dataset;
  var KEY = 'binhdan.guidance.queue.' + d.user;
  var status = document.getElementById('sync-status');
  var box = document.getElementById('queue');
  var list = document.getElementById('queue-list');
  var csrf = { header: d.csrfHeader, token: d.csrf };
  var busy = false;
  var retry = null;
  var wait = 3000;

  // "online" events are unreliable on phones: after a failed send, try again on a growing delay
  function later() {
    if (retry) { return; }
    retry = setTimeout(function () { retry = null; flush(); }, wait);
    wait = Math.min(wait * 2, 60000);
  }

  function load() { try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; } }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); }
  function say(text) { status.hidden = !text; status.textContent = text || ''; }
  function fmt(template, n) { return template.replace('{0}', n); }

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  function people(text, visitor) {
    return text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
      var m = l.match(/^(.*?)[\s,;]+((?:19|20)\d{2})$/);
      return m ? { fullName: m[1].trim(), birthYear: parseInt(m[2], 10), visitor: visitor }
               : { fullName: l, visitor: visitor };
    });
  }

  function render() {
    var q = load();
    var bad = q.filter(function (e) { return e.error; });
    list.textContent = '';
    bad.forEach(function (e) {
      var li = document.createElement('li');
      var names = e.people.map(function (p) { return p.fullName; }).join(', ');
      li.appendChild(document.createTextNode(e.givenOn + ' — ' + names + ': '));
      var why = document.createElement('strong');
      why.textContent = e.error;
      li.appendChild(why);
      li.appendChild(button(d.msgEdit, function () { edit(e); }));
      li.appendChild(button(d.msgDiscard, function () { drop(e.clientId); }));
      list.appendChild(li);
    });
    box.hidden = bad.length === 0;
    var waiting = q.length - bad.length;
    if (waiting > 0) { say(fmt(d.msgQueued, waiting)); }
  }

  function button(text, onClick) {
    var b = document.createElement('button');
    b.type = 'button'; b.className = 'secondary'; b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function drop(id) { save(load().filter(function (e) { return e.clientId !== id; })); render(); }

  function edit(e) {
    drop(e.clientId);
    form.elements.people.value = e.people.map(function (p) {
      return p.birthYear ? p.fullName + ', ' + p.birthYear : p.fullName; }).join('\n');
    form.elements.minutes.value = e.minutes;
    form.elements.givenOn.value = e.givenOn;
    form.elements.note.value = e.note || '';
    Array.prototype.forEach.call(form.querySelectorAll('input[name=topics]'), function (c) {
      c.checked = e.topics.indexOf(c.value) >= 0; });
    form.elements.people.focus();
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = new FormData(form);
    var entry = {
      clientId: newId(), givenOn: f.get('givenOn'), unitId: f.get('unitId') ? parseInt(f.get('unitId'), 10) : null,
      place: f.get('place'), minutes: parseInt(f.get('minutes'), 10), outcome: f.get('outcome'),
      topics: f.getAll('topics'), note: f.get('note') || null, people: people(f.get('people') || '', f.get('visitor') === 'true')
    };
    if (entry.people.length === 0) { say(d.msgPeople); form.elements.people.focus(); return; }
    var q = load(); q.push(entry); save(q);
    form.elements.people.value = ''; form.elements.note.value = ''; form.elements.visitor.checked = false;
    // the next person's help is chosen afresh: ticks left from this one were recorded again unread
    Array.prototype.forEach.call(form.querySelectorAll('input[name=topics]'), function (c) { c.checked = false; });
    render();
    flush();
    form.elements.people.focus();
  });

  function send(entries, retried) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[csrf.header] = csrf.token;
    return fetch(d.sync, { method: 'POST', credentials: 'same-origin', headers: headers,
                           body: JSON.stringify({ entries: entries }) })
      .then(function (r) {
        if (r.status === 403 && !retried) {
          // the page came from the phone's cache under an older session: get a fresh token once
          return fetch(d.csrfUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
            .then(function (t) { if (!t.ok || t.redirected) { throw 'login'; } return t.json(); })
            .then(function (t) { csrf = t; return send(entries, true); });
        }
        if (r.redirected || r.status === 401 || (r.headers.get('Content-Type') || '').indexOf('json') < 0) { throw 'login'; }
        if (!r.ok) { throw 'server'; }
        return r.json();
      });
  }

  function flush() {
    if (busy) { return; }
    var pending = load().filter(function (e) { return !e.error; });
    if (pending.length === 0) { render(); return; }
    busy = true;
    send(pending).then(function (res) {
      var byId = {};
      res.results.forEach(function (r) { byId[r.clientId] = r; });
      var q = load().filter(function (e) {
        var r = byId[e.clientId];
        if (!r) { return true; }
        if (r.status === 'REJECTED') { e.error = r.message; return true; }
        return false;
      });
      save(q);
      render();
      wait = 3000;
      var left = q.filter(function (e) { return !e.error; }).length;
      say(left > 0 ? fmt(d.msgQueued, left) : fmt(d.msgSent, res.recorded + res.alreadyRecorded)
          + (res.rejected > 0 ? ' ' + fmt(d.msgRejected, res.rejected) : ''));
    }).catch(function (why) {
      say(why === 'login' ? d.msgLogin : fmt(d.msgOffline, load().filter(function (e) { return !e.error; }).length));
      if (why !== 'login') { later(); }
    }).then(function () { busy = false; });
  }

  // while there is signal: find the exact name and birth year in the registry and add it as a line
  var finder = document.getElementById('finder');
  if (finder) {
    finder.hidden = false;
    var q = document.getElementById('find-q');
    var found = document.getElementById('find-list');
    function find() {
      if (q.value.trim().length < 2) { return; }
      fetch(finder.dataset.url + '?q=' + encodeURIComponent(q.value.trim()),
            { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { if (!r.ok || r.redirected) { throw 'no'; } return r.json(); })
        .then(function (people) {
          found.textContent = '';
          if (people.length === 0) { var li = document.createElement('li'); li.textContent = found.dataset.none; found.appendChild(li); }
          people.forEach(function (p) {
            var li = document.createElement('li');
            var line = p.fullName + ', ' + p.birthYear;
            li.appendChild(button(found.dataset.add + ' ' + line + ' (' + p.unitName + ')', function () {
              var t = form.elements.people;
              t.value = (t.value.trim() ? t.value.trim() + '\n' : '') + line;
              found.textContent = ''; q.value = ''; t.focus();
            }));
            found.appendChild(li);
          });
        }).catch(function () { found.textContent = ''; });
    }
    document.getElementById('find-go').addEventListener('click', find);
    q.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); find(); } });
  }

  window.addEventListener('online', function () { wait = 3000; flush(); });
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { flush(); } });
  render();
  flush();
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(d.sw, { scope: d.scope }).catch(function () { /* the form works without it */ });
  }
})();
