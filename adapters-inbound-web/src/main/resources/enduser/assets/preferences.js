// Saves a topic as soon as it changes, so the page needs no Save button; without script each topic has one.
(() => {
  "use strict";
  const status = document.querySelector(".status");
  for (const form of document.querySelectorAll("form[data-topic]")) {
    const toggle = form.querySelector('input[name="status"]');
    const channels = form.querySelector("fieldset.channels");
    form.addEventListener("change", async () => {
      const state = form.querySelector(".state");
      if (state && toggle) state.textContent = toggle.checked ? "On" : "Off";
      if (channels && toggle) channels.disabled = !toggle.checked;
      const body = new URLSearchParams(new FormData(form));
      if (toggle && !toggle.checked) body.set("status", "OPTED_OUT");
      status.textContent = "Saving…";
      try {
        const response = await fetch(form.action, { method: "POST", body, headers: { Accept: "application/json" } });
        const answer = await response.json();
        status.textContent = response.ok ? "Saved." : (answer.error || "That could not be saved.");
      } catch (e) {
        status.textContent = "That could not be saved: check your connection and try again.";
      }
    });
  }
})();
