// kinerja: fast entry that survives a weak signal. Every page works without this file.
//
// - What is typed in the entry form is kept in localStorage until the server confirms the save.
// - The form is sent with fetch and an HX-Request header: the server answers with HX-Redirect
//   (saved) or the form fragment with its errors (what was typed stays).
// - A save that fails for lack of signal is queued (localStorage; a chosen photo in memory) and
//   retried when the connection returns; the page says so. The hidden idempotency key makes a
//   retry or a double tap create one activity.
(function () {
  "use strict";

  var QUEUE_KEY = "kinerja-antrean";
  var RETRY_MS = 20000;
  var memoryFiles = {}; // queue id → FormData with the chosen file (lost on reload)
  var retrying = false;

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function read(key, fallback) {
    try {
      var value = window.localStorage.getItem(key);
      return value ? JSON.parse(value) : fallback;
    } catch (error) {
      return fallback;
    }
  }

  function write(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, JSON.stringify(value));
      }
    } catch (error) {
      // Storage full or disabled: the form still works, it just cannot keep a draft.
    }
  }

  // --- the status line ---------------------------------------------------------------

  function statusBox() {
    return document.getElementById("kinerja-sinyal");
  }

  function say(message, level, withRetryButton) {
    var box = statusBox();
    if (!box) {
      return;
    }
    box.className = "alert sinyal alert-" + (level || "warning");
    box.textContent = message;
    if (withRetryButton) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-dark ms-2";
      button.textContent = "Kirim sekarang";
      button.addEventListener("click", retryQueue);
      box.appendChild(button);
    }
  }

  function hideStatus() {
    var box = statusBox();
    if (box) {
      box.className = "alert sinyal d-none";
      box.textContent = "";
    }
  }

  // --- the draft -------------------------------------------------------------------------

  function valuesOf(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.type === "file" || element.type === "submit" ||
          element.name === "csrfmiddlewaretoken") {
        return;
      }
      values[element.name] = element.value;
    });
    return values;
  }

  function fill(form, values) {
    Object.keys(values).forEach(function (name) {
      var element = form.elements[name];
      if (element && element.type !== "file" && typeof element.value !== "undefined") {
        element.value = values[name];
      }
    });
  }

  function draftKey(form) {
    return form.getAttribute("data-draft-key") || "kinerja-entri";
  }

  function saveDraft(form) {
    write(draftKey(form), {values: valuesOf(form), at: new Date().toISOString()});
  }

  function clearDraft(form) {
    write(draftKey(form), null);
  }

  function restoreDraft(form) {
    var draft = read(draftKey(form), null);
    if (form.querySelector("[aria-invalid=true], .alert-danger")) {
      saveDraft(form); // the server sent back what was typed, with its errors: keep it as the draft
      return;
    }
    if (!draft || !draft.values || !draft.values.uraian) {
      return;
    }
    fill(form, draft.values);
    say("Isian yang belum tersimpan dipulihkan dari perangkat ini. Periksa lalu tekan Simpan.", "info");
    var box = statusBox();
    if (box) {
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "btn btn-sm btn-outline-dark ms-2";
      discard.textContent = "Buang";
      discard.addEventListener("click", function () {
        clearDraft(form);
        window.location.reload();
      });
      box.appendChild(discard);
    }
  }

  // --- the offline queue -----------------------------------------------------------------------

  function queue() {
    return read(QUEUE_KEY, []);
  }

  function describe(values) {
    return (values.jam_mulai || "") + "–" + (values.jam_selesai || "") + " " + (values.uraian || "").slice(0, 24) + "…";
  }

  function announceQueue() {
    var items = queue();
    if (!items.length) {
      return;
    }
    var text = items.length + " aktivitas tersimpan di perangkat, menunggu sinyal (" + describe(items[0].values) +
      (items.length > 1 ? ", …" : "") + "). Dikirim otomatis saat sinyal kembali.";
    say(text, "warning", true);
  }

  function enqueue(form, data) {
    var id = newKey();
    var values = valuesOf(form);
    var hasFile = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
      return input.files && input.files.length;
    });
    memoryFiles[id] = data;
    var items = queue();
    items.push({id: id, action: form.action, values: values, hasFile: hasFile});
    write(QUEUE_KEY, items);
    clearDraft(form);
    startNextEntry(form, values);
    announceQueue();
  }

  function startNextEntry(form, values) {
    // The next entry starts where the queued one ended, with a new key.
    ["uraian", "tautan"].forEach(function (name) {
      if (form.elements[name]) { form.elements[name].value = ""; }
    });
    if (form.elements.jam_mulai && values.jam_selesai) {
      form.elements.jam_mulai.value = values.jam_selesai;
    }
    if (form.elements.kunci) {
      form.elements.kunci.value = newKey();
    }
    Array.prototype.forEach.call(form.querySelectorAll("input[type=file]"), function (input) { input.value = ""; });
  }

  function dropFromQueue(id) {
    delete memoryFiles[id];
    write(QUEUE_KEY, queue().filter(function (item) { return item.id !== id; }));
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    if (input) {
      return input.value;
    }
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (error) {
      return "";
    }
  }

  function dataFor(item) {
    var data = memoryFiles[item.id];
    if (!data) {
      data = new FormData();
      Object.keys(item.values).forEach(function (name) { data.append(name, item.values[name]); });
    }
    data.set("csrfmiddlewaretoken", csrfToken());
    return data;
  }

  function retryQueue() {
    var items = queue();
    if (retrying || !items.length) {
      return;
    }
    retrying = true;
    say("Sinyal kembali: mengirim " + items.length + " aktivitas yang tertunda…", "info");
    var lastRedirect = null;
    var lostPhoto = false;
    var chain = Promise.resolve(true);
    items.forEach(function (item) {
      chain = chain.then(function (goOn) {
        if (!goOn) {
          return false;
        }
        lostPhoto = lostPhoto || (item.hasFile && !memoryFiles[item.id]);
        return post(item.action, dataFor(item)).then(function (result) {
          if (result.redirect) {
            dropFromQueue(item.id);
            lastRedirect = result.redirect;
            return true;
          }
          if (result.fragment) {
            dropFromQueue(item.id);
            showRefused(result.fragment);
            return false;
          }
          return false;
        }, function () {
          return false; // still no signal: keep the rest for later
        });
      });
    });
    chain.then(function () {
      retrying = false;
      if (queue().length) {
        announceQueue();
        return;
      }
      if (lastRedirect) {
        var form = document.getElementById("entry-form");
        var typing = form && form.elements.uraian && form.elements.uraian.value;
        var note = lostPhoto ? " Foto yang dipilih saat tanpa sinyal perlu ditambahkan ulang dari halaman rincian." : "";
        if (form && !typing) {
          window.location.assign(lastRedirect); // the day page shows the saved entry
        } else {
          say("Aktivitas yang tertunda sudah terkirim." + note, "success");
        }
      }
    });
  }

  function showRefused(fragment) {
    var form = document.getElementById("entry-form");
    if (form) {
      form.replaceWith(fragment);
      bindEntry(fragment);
      saveDraft(fragment);
    }
    say("Aktivitas yang tertunda ditolak server: periksa isian yang ditandai merah lalu simpan lagi.", "danger");
  }

  // --- sending ---------------------------------------------------------------------------------

  function post(action, data) {
    // Resolves with {redirect} when saved, {fragment} when refused with errors, {} otherwise;
    // rejects when there is no connection.
    return window.fetch(action, {
      method: "POST", body: data, credentials: "same-origin", headers: {"HX-Request": "true"},
    }).then(function (response) {
      var redirect = response.headers.get("HX-Redirect");
      if (redirect) {
        return {redirect: redirect};
      }
      return response.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fragment = response.ok ? doc.getElementById("entry-form") : null;
        return fragment ? {fragment: document.importNode(fragment, true)} : {status: response.status, url: response.redirected ? response.url : null};
      });
    });
  }

  function setBusy(form, busy) {
    form.toggleAttribute("data-sending", busy);
    Array.prototype.forEach.call(form.querySelectorAll("[data-save]"), function (button) {
      button.disabled = busy;
      button.textContent = busy ? "Menyimpan…" : "Simpan";
    });
  }

  function submitEntry(event) {
    var form = event.currentTarget;
    event.preventDefault();
    if (form.hasAttribute("data-sending")) {
      return; // a double tap while the first save is on its way
    }
    var data = new FormData(form);
    if (navigator.onLine === false) {
      enqueue(form, data);
      return;
    }
    setBusy(form, true);
    post(form.action, data).then(function (result) {
      if (result.redirect) {
        clearDraft(form);
        window.location.assign(result.redirect);
        return;
      }
      setBusy(form, false);
      if (result.fragment) {
        form.replaceWith(result.fragment);
        bindEntry(result.fragment);
        saveDraft(result.fragment);
        hideStatus();
        result.fragment.scrollIntoView({block: "start"});
        return;
      }
      say("Belum tersimpan (kode " + result.status + "). Isian tetap disimpan di perangkat ini.", "danger");
      if (result.url) {
        window.location.assign(result.url); // e.g. the login page after the session expired; the draft waits
      }
    }, function () {
      setBusy(form, false);
      enqueue(form, data);
    });
  }

  // --- binding -----------------------------------------------------------------------------

  function useFavourite(event) {
    var chip = event.currentTarget;
    var form = document.getElementById("entry-form");
    if (!form) {
      return;
    }
    event.preventDefault();
    form.elements.uraian.value = chip.getAttribute("data-uraian");
    if (form.elements.rhk && chip.getAttribute("data-rhk")) {
      form.elements.rhk.value = chip.getAttribute("data-rhk");
    }
    if (form.elements.satuan_output && chip.getAttribute("data-satuan")) {
      form.elements.satuan_output.value = chip.getAttribute("data-satuan");
    }
    saveDraft(form);
    form.elements.uraian.focus();
  }

  function bindEntry(form) {
    form.addEventListener("submit", submitEntry);
    form.addEventListener("input", function () { saveDraft(form); });
    form.addEventListener("change", function () { saveDraft(form); });
    Array.prototype.forEach.call(form.querySelectorAll(".chip[data-uraian]"), function (chip) {
      chip.addEventListener("click", useFavourite);
    });
  }

  function guardDoubleSubmit(event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute("data-kinerja-entry") || (form.method || "").toLowerCase() !== "post") {
      return;
    }
    if (form.hasAttribute("data-submitted")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-submitted", "");
    // Disabled after this tick, so the pressed button's name and value are still sent.
    window.setTimeout(function () {
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (button) { button.disabled = true; });
    }, 0);
  }

  function bindSelectAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-select-all]"), function (toggle) {
      toggle.addEventListener("change", function () {
        var name = toggle.getAttribute("data-select-all");
        Array.prototype.forEach.call(toggle.form.querySelectorAll("input[type=checkbox][name='" + name + "']"), function (box) {
          box.checked = toggle.checked;
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("entry-form");
    if (form) {
      bindEntry(form);
      restoreDraft(form);
    }
    document.addEventListener("submit", guardDoubleSubmit);
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        Array.prototype.forEach.call(document.querySelectorAll("form[data-submitted]"), function (f) {
          f.removeAttribute("data-submitted");
          Array.prototype.forEach.call(f.querySelectorAll("button[type=submit]"), function (b) { b.disabled = false; });
        });
      }
    });
    bindSelectAll();
    window.addEventListener("online", retryQueue);
    window.addEventListener("offline", function () {
      if (document.getElementById("entry-form")) {
        say("Sinyal terputus. Aktivitas yang disimpan akan menunggu di perangkat ini dan dikirim saat sinyal kembali.", "warning");
      }
    });
    window.setInterval(function () {
      if (navigator.onLine !== false) { retryQueue(); }
    }, RETRY_MS);
    if (queue().length) {
      if (navigator.onLine === false) { announceQueue(); } else { retryQueue(); }
    }
  });
}());
