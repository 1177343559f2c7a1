// Read the lesson aloud with the browser's own speech synthesis; without it the button stays hidden.
(function () {
  var button = document.getElementById('read-aloud');
  if (!button || !('speechSynthesis' in window)) { return; }
  var label = button.textContent, reading = false;
  button.hidden = false;
  button.addEventListener('click', function () {
    var synth = window.speechSynthesis;
    if (reading) { synth.cancel(); return; }
    var text = document.getElementById('lesson').innerText;
    var u = new SpeechSynthesisUtterance(text);
    u.lang = button.getAttribute('data-lang') || 'vi-VN';
    var voice = synth.getVoices().filter(function (v) { return v.lang && v.lang.indexOf(u.lang.substring(0, 2)) === 0; })[0];
    if (voice) { u.voice = voice; }
    u.rate = 0.9;
    u.onend = u.onerror = function () { reading = false; button.textContent = label; button.setAttribute('aria-pressed', 'false'); };
    reading = true;
    button.textContent = button.getAttribute('data-stop');
    button.setAttribute('aria-pressed', 'true');
    synth.speak(u);
  });
})();
