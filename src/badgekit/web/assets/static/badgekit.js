// badgekit web: a little progressive enhancement. Every page works without it; with it, an answer is
// saved at each pause in typing (and when the page is left), and the plain text can be copied with a button.
(function () {
  "use strict";
  var PAUSE = 600; // milliseconds without a keystroke before what is typed is saved
  var RETRY = 5000; // and how long to wait before trying again when it could not be

  function autosave(form) {
    var keep = form.querySelector("input[name=keep]");
    var status = form.querySelector("[data-saved]");
    var timer = null;
    var dirty = false;

    function show(selector, text) {
      var found = form.querySelector(selector);
      if (found) { found.textContent = text; }
    }

    function body() {
      var data = new URLSearchParams();
      form.querySelectorAll("textarea, input[type=hidden]").forEach(function (field) {
        data.append(field.name, field.value);
      });
      return data;
    }

    function save(leaving) {
      if (!dirty) { return; }
      dirty = false;
      window.clearTimeout(timer);
      var sent = fetch(form.action, {
        method: "POST",
        body: body(),
        headers: {"X-Badgekit-Save": "pause"},
        credentials: "same-origin",
        keepalive: Boolean(leaving)
      });
      if (leaving) { return; }
      sent.then(function (response) {
        return response.json().catch(function () { throw new Error(""); });
      }, function () {
        throw new Error(""); // no answer at all: badgekit has stopped
      }).then(function (answer) {
        if (!answer.saved) { throw new Error(answer.message || ""); }
        keep.value = "0"; // what the answer grew from is kept in the draft; later pauses replace each other
        show("[data-total]", answer.words);
        show("[data-rule]", answer.rule);
        show("[data-progress]", answer.status);
        status.textContent = "Saved.";
        document.body.setAttribute("data-saved-at", String(Date.now()));
        refresh();
      }).catch(function (problem) {
        dirty = true;
        status.textContent = "Not saved yet: " + (problem.message ||
          "badgekit may have stopped. Keep this page open, start badgekit again, and type on.");
        timer = window.setTimeout(function () { save(false); }, RETRY);
      });
    }

    function refresh() {
      // What the check sees in the answer as saved: asked for apart from the save, which never waits for it.
      var live = document.getElementById("as-you-write");
      if (!live) { return; }
      fetch(form.action + "/seen", {credentials: "same-origin"}).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (html !== null) {
          live.innerHTML = html; // rendered by badgekit with every piece of the learner's text escaped
        }
      }).catch(function () { return null; });
    }

    function words(text) {
      var found = text.match(/\S*[\p{L}\p{N}]\S*/gu);
      return found ? found.length : 0;
    }

    form.addEventListener("input", function (event) {
      dirty = true;
      if (event.target.name === "answer") { show("[data-words]", words(event.target.value)); }
      status.textContent = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { save(false); }, PAUSE);
    });
    form.addEventListener("submit", function () { dirty = false; window.clearTimeout(timer); });
    window.addEventListener("pagehide", function () { save(true); });
  }

  function copier(button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    var status = document.getElementById("copy-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () { status.textContent = "Copied. Paste it into the form."; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, function () { fallback(source, done); });
      } else {
        fallback(source, done);
      }
    });
  }

  function fallback(source, done) {
    source.focus();
    source.select();
    if (document.execCommand("copy")) { done(); }
  }

  document.querySelectorAll("form[data-autosave]").forEach(autosave);
  document.querySelectorAll("[data-copy]").forEach(copier);
}());
