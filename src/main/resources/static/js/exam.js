// Saves each answer as soon as it changes and counts the time down. Without this script the page
// still works: answers are posted with the save and submit buttons.
(function () {
  var form = document.getElementById('exam');
  if (!form) { return; }
  var status = document.getElementById('save-status');
  var csrf = form.querySelector('input[name="_csrf"]');
  var base = form.getAttribute('data-save');

  function values(fieldset) {
    var out = [];
    fieldset.querySelectorAll('input, select').forEach(function (el) {
      if (el.tagName === 'SELECT') { if (el.value !== '') { out.push(el.value); } }
      else if (el.checked) { out.push(el.value); }
    });
    return out;
  }

  form.addEventListener('change', function (event) {
    var fieldset = event.target.closest('fieldset.question');
    if (!fieldset) { return; }
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
      return r.json().then(function (j) { status.textContent = j.message || ''; if (j.secondsLeft !== undefined) { left = j.secondsLeft; } });
    }).catch(function () { status.textContent = status.getAttribute('data-error'); });
  }

  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (button && button.value === 'submit' && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });

  var clock = document.getElementById('time-left');
  var left = parseInt(clock.getAttribute('data-seconds'), 10);
  var label = clock.getAttribute('data-minutes-label');
  setInterval(function () {
    left -= 1;
    if (left <= 0) {
      var submit = document.createElement('input');
      submit.type = 'hidden'; submit.name = 'action'; submit.value = 'submit';
      form.appendChild(submit);
      form.submit();
      left = 1e9;
      return;
    }
    if (left % 15 === 0 || left < 60) {
      clock.textContent = left < 60 ? left + ' s' : Math.ceil(left / 60) + ' ' + label;
    }
  }, 1000);
})();
