// Saves each answer as soon as it changes, counts the time down and shows one question per screen
// with a navigator. Without this script the page still works: one long page whose navigator and
// "next" links jump down it, answers posted with the save and submit buttons.
(function () {
  var form = document.getElementById('exam');
  if (!form) { return; }
  var status = document.getElementById('save-status');
  var csrf = form.querySelector('input[name="_csrf"]');
  var base = form.getAttribute('data-save');
  var questions = Array.prototype.slice.call(form.querySelectorAll('fieldset.question'));
  var navLinks = Array.prototype.slice.call(form.querySelectorAll('.q-nav a[data-position]'));
  var counter = document.getElementById('answered-count');

  function values(fieldset) {
    var out = [];
    fieldset.querySelectorAll('input, select').forEach(function (el) {
      if (el.tagName === 'SELECT') { if (el.value !== '') { out.push(el.value); } }
      else if (el.checked) { out.push(el.value); }
    });
    return out;
  }

  // what the server holds decides "answered": a question counts once its save came back
  var saved = {};
  questions.forEach(function (q) { saved[q.getAttribute('data-position')] = values(q).length > 0; });

  function refreshCounts() {
    var n = 0;
    navLinks.forEach(function (a) {
      var done = saved[a.getAttribute('data-position')];
      if (done) { n++; }
      a.classList.toggle('done', done);
      a.querySelector('.visually-hidden').textContent =
        form.getAttribute(done ? 'data-answered' : 'data-unanswered');
    });
    if (counter) { counter.textContent = counter.getAttribute('data-template').replace('{0}', n); }
  }

  // one question per screen, where the page offers a navigator to move between them (the contest's
  // entry page shares this script and keeps its questions on one page)
  var stepwise = navLinks.length > 0;
  var current = 0;
  function show(index, focus) {
    if (!stepwise) { return; }
    current = Math.max(0, Math.min(questions.length - 1, index));
    questions.forEach(function (q, i) { q.hidden = i !== current; });
    navLinks.forEach(function (a, i) {
      if (i === current) { a.setAttribute('aria-current', 'step'); } else { a.removeAttribute('aria-current'); }
    });
    if (focus) {
      var legend = questions[current].querySelector('legend');
      legend.setAttribute('tabindex', '-1');
      legend.focus();
      questions[current].scrollIntoView({block: 'start'});
    }
  }
  function indexOfHash(hash) {
    for (var i = 0; i < questions.length; i++) { if ('#' + questions[i].id === hash) { return i; } }
    return -1;
  }
  if (stepwise) { form.classList.add('one-by-one'); }
  form.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#q"]');
    if (!link) { return; }
    var i = indexOfHash(link.getAttribute('href'));
    if (i < 0) { return; }
    event.preventDefault();
    show(i, true);
  });
  var start = indexOfHash(window.location.hash);
  if (start < 0) {
    // back on the page: open at the first question not yet answered
    start = 0;
    for (var k = 0; k < questions.length; k++) {
      if (!saved[questions[k].getAttribute('data-position')]) { start = k; break; }
    }
  }
  show(start, false);

  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (!fieldset) { return; }
    var position = fieldset.getAttribute('data-position');
    var chosen = values(fieldset);
    if (fieldset.getAttribute('data-type') === 'ORDERING' && chosen.length > 0
        && chosen.length < fieldset.querySelectorAll('select').length) { return; }
    save(fieldset, chosen, 0);
  });

  // A busy server answers 503 (or 429) with Retry-After instead of failing slowly: the answer is
  // sent again after the wait it asks for, unless a newer answer to the same question went first.
  var pending = {};
  function save(fieldset, chosen, attempt) {
    var position = fieldset.getAttribute('data-position');
    var ticket = (pending[position] || 0) + (attempt === 0 ? 1 : 0);
    pending[position] = ticket;
    var body = new URLSearchParams();
    chosen.forEach(function (v) { body.append('choice', v); });
    if (csrf) { body.append('_csrf', csrf.value); }
    fetch(base + position, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: {'Accept': 'application/json'}
    }).then(function (r) {
      if ((r.status === 503 || r.status === 429) && attempt < 8) {
        var wait = parseInt(r.headers.get('Retry-After'), 10);
        wait = (isNaN(wait) ? 2 : Math.min(Math.max(wait, 1), 30)) * 1000 + Math.floor(Math.random() * 500);
        status.textContent = status.getAttribute('data-retry') || status.getAttribute('data-error');
        setTimeout(function () {
          if (pending[position] === ticket) { save(fieldset, chosen, attempt + 1); }
        }, wait);
        return;
      }
      return r.json().then(function (j) {
        status.textContent = j.message || '';
        if (j.secondsLeft !== undefined) { left = j.secondsLeft; }
        if (r.ok && pending[position] === ticket) { saved[position] = chosen.length > 0; refreshCounts(); }
      });
    }).catch(function () { status.textContent = status.getAttribute('data-error'); });
  }

  // before submitting: a dialog listing the questions still unanswered, each a way back to it
  var dialog = document.getElementById('confirm-submit');
  var confirmed = false;
  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (!button || button.value !== 'submit' || confirmed) { return; }
    if (!dialog || typeof dialog.showModal !== 'function') {
      if (!window.confirm(button.getAttribute('data-confirm'))) { event.preventDefault(); }
      return;
    }
    event.preventDefault();
    var list = dialog.querySelector('.unanswered-list');
    list.textContent = '';
    navLinks.forEach(function (a) {
      if (saved[a.getAttribute('data-position')]) { return; }
      var li = document.createElement('li');
      var back = document.createElement('a');
      back.href = a.getAttribute('href');
      var q = questions[indexOfHash(a.getAttribute('href'))];
      back.textContent = q.querySelector('legend span').textContent;
      li.appendChild(back);
      list.appendChild(li);
    });
    var none = list.children.length === 0;
    dialog.querySelector('.unanswered-some').hidden = none;
    list.hidden = none;
    dialog.querySelector('.unanswered-none').hidden = !none;
    dialog.showModal();
  });
  if (dialog) {
    dialog.querySelector('.confirm-no').addEventListener('click', function () { dialog.close(); });
    dialog.querySelector('.confirm-yes').addEventListener('click', function () {
      confirmed = true;
      dialog.close();
      submitNow();
    });
    dialog.querySelector('.unanswered-list').addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (!link) { return; }
      event.preventDefault();
      dialog.close();
      show(indexOfHash(link.getAttribute('href')), true);
    });
  }

  function submitNow() {
    var submit = document.createElement('input');
    submit.type = 'hidden'; submit.name = 'action'; submit.value = 'submit';
    form.appendChild(submit);
    form.submit();
  }

  var clock = document.getElementById('time-left');
  var left = parseInt(clock.getAttribute('data-seconds'), 10);
  var label = clock.getAttribute('data-minutes-label');
  setInterval(function () {
    left -= 1;
    if (left <= 0) {
      submitNow();
      left = 1e9;
      return;
    }
    if (left % 15 === 0 || left < 60) {
      clock.textContent = left < 60 ? left + ' s' : Math.ceil(left / 60) + ' ' + label;
    }
  }, 1000);
})();
