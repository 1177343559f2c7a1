// The assistant's voice, for readers who find typing or reading hard: an answer read aloud, a
// question said instead of typed. Only the browser's own speech APIs; where they are missing the
// buttons stay hidden and the page works as typed. Every word shown comes from the page's
// data- attributes (the message bundles), none from here.
(function () {
  'use strict';
  var LANG = 'vi-VN';

  function setLabel(button, text) {
    button.querySelector('.label').textContent = text;
  }

  var synth = window.speechSynthesis, Utterance = window.SpeechSynthesisUtterance;
  if (synth && Utterance) {
    if (synth.getVoices) { synth.getVoices(); } // some browsers load their voices on first ask
    var vietnamese = function () {
      var voices = synth.getVoices ? synth.getVoices() : [];
      for (var i = 0; i < voices.length; i++) {
        if (voices[i].lang && voices[i].lang.replace('_', '-').toLowerCase().indexOf('vi') === 0) { return voices[i]; }
      }
      return null;
    };
    Array.prototype.forEach.call(document.querySelectorAll('button[data-read-target]'), function (button) {
      var target = document.getElementById(button.getAttribute('data-read-target'));
      if (!target) { return; }
      var label = button.querySelector('.label').textContent, reading = false;
      var done = function () { reading = false; setLabel(button, label); };
      button.hidden = false;
      button.addEventListener('click', function () {
        if (reading) { synth.cancel(); done(); return; }
        var u = new Utterance(target.textContent.trim());
        u.lang = LANG;
        var voice = vietnamese();
        if (voice) { u.voice = voice; }
        u.onend = u.onerror = done;
        synth.cancel(); // whatever was still being read
        reading = true;
        setLabel(button, button.getAttribute('data-stop'));
        synth.speak(u);
      });
    });
  }

  var Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  var mic = document.getElementById('assistant-mic');
  if (!mic || !Recognition) { return; }
  var box = document.getElementById(mic.getAttribute('aria-controls'));
  var status = document.getElementById('assistant-voice-status');
  var label = mic.querySelector('.label').textContent, listening = null;
  // the recogniser's error codes, to the message that tells the reader what to do
  var ERRORS = { 'not-allowed': 'denied', 'service-not-allowed': 'denied', 'no-speech': 'nothing',
                 'audio-capture': 'nomic', 'network': 'network' };
  var say = function (key) { status.textContent = mic.getAttribute('data-' + key) || ''; };
  mic.hidden = false;
  mic.addEventListener('click', function () {
    if (listening) { listening.stop(); return; }
    var rec = new Recognition(), typed = box.value.trim(), heard = '', failed = false;
    rec.lang = LANG;
    rec.interimResults = true; // the words appear as they are said: the reader sees they are heard
    rec.continuous = false;
    rec.maxAlternatives = 1;
    rec.onresult = function (e) {
      var text = '';
      for (var i = 0; i < e.results.length; i++) { text += e.results[i][0].transcript; }
      heard = text.trim();
      box.value = typed ? typed + ' ' + heard : heard; // keeps what the reader had already typed
    };
    rec.onerror = function (e) {
      if (e.error === 'aborted') { return; }
      failed = true;
      say(ERRORS[e.error] || 'error');
    };
    rec.onend = function () {
      listening = null;
      setLabel(mic, label);
      if (!failed) { say(heard ? 'heard' : 'nothing'); }
    };
    try {
      rec.start();
    } catch (err) {
      say('error');
      return;
    }
    listening = rec;
    setLabel(mic, mic.getAttribute('data-stop'));
    say('listening');
  });
})();
