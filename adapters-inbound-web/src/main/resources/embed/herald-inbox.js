/*
 * <herald-inbox base-url="https://herald.example.org" user-id="alex" token="<client token>">
 *
 * Herald's in-app inbox as a web component: a bell with the unread count, the list, mark read, archive and
 * "mark all read", kept live by the inbox stream (server-sent events). No dependencies, no build step.
 * The token is a client token issued by your backend (POST /auth/issue-token, scopes user_id:<id>
 * inbox:read:messages inbox:write:events); your page's origin must be in herald.cors.allowed-origins.
 *
 * Theming: set these CSS custom properties on the element or an ancestor:
 *   --herald-accent, --herald-background, --herald-foreground, --herald-muted, --herald-border,
 *   --herald-badge, --herald-radius, --herald-font, --herald-width
 * Events: "herald-inbox-click" (detail: the message) when an item is clicked, before its action_url opens.
 */
(() => {
  "use strict";

  const STYLE = `
    :host { position: relative; display: inline-block; font-family: var(--herald-font, system-ui, -apple-system, "Segoe UI", sans-serif);
            color: var(--herald-foreground, #1f2328); }
    button { font: inherit; cursor: pointer; }
    .bell { position: relative; display: grid; place-items: center; width: 40px; height: 40px; border-radius: 50%;
            border: 1px solid transparent; background: transparent; color: inherit; }
    .bell:hover, .bell[aria-expanded="true"] { background: color-mix(in srgb, var(--herald-accent, #0969da) 10%, transparent); }
    .bell:focus-visible, .item:focus-visible, .link:focus-visible { outline: 2px solid var(--herald-accent, #0969da); outline-offset: 2px; }
    .bell svg { width: 22px; height: 22px; }
    .badge { position: absolute; top: 2px; right: 0; min-width: 18px; height: 18px; padding: 0 5px; box-sizing: border-box;
             border-radius: 9px; background: var(--herald-badge, #cf222e); color: #fff; font-size: 11px; font-weight: 600;
             line-height: 18px; text-align: center; }
    .badge[hidden] { display: none; }
    .panel { position: absolute; right: 0; top: 46px; z-index: 1000; width: var(--herald-width, 360px); max-width: calc(100vw - 16px);
             background: var(--herald-background, #fff); border: 1px solid var(--herald-border, #d0d7de);
             border-radius: var(--herald-radius, 12px); box-shadow: 0 8px 24px rgba(140, 149, 159, .3); overflow: hidden; }
    .panel[hidden] { display: none; }
    header { display: flex; align-items: center; justify-content: space-between; padding: 12px 16px;
             border-bottom: 1px solid var(--herald-border, #d0d7de); }
    header h2 { margin: 0; font-size: 15px; font-weight: 600; }
    .link { border: 0; background: none; color: var(--herald-accent, #0969da); font-size: 13px; padding: 2px 4px; }
    .link:disabled { color: var(--herald-muted, #656d76); cursor: default; }
    ol { list-style: none; margin: 0; padding: 0; max-height: 420px; overflow-y: auto; }
    li { position: relative; border-bottom: 1px solid var(--herald-border, #eaeef2); }
    li:last-child { border-bottom: 0; }
    .item { display: block; width: 100%; text-align: left; border: 0; background: none; color: inherit; padding: 12px 40px 12px 28px; }
    .item:hover { background: color-mix(in srgb, var(--herald-accent, #0969da) 6%, transparent); }
    .unread .item::before { content: ""; position: absolute; left: 11px; top: 18px; width: 8px; height: 8px; border-radius: 50%;
                            background: var(--herald-accent, #0969da); }
    .title { display: block; font-size: 14px; line-height: 1.35; }
    .unread .title { font-weight: 600; }
    .body { display: block; margin-top: 2px; font-size: 13px; line-height: 1.4; color: var(--herald-muted, #656d76); }
    .time { display: block; margin-top: 4px; font-size: 12px; color: var(--herald-muted, #656d76); }
    .archive { position: absolute; right: 8px; top: 10px; width: 26px; height: 26px; border: 0; border-radius: 6px; background: none;
               color: var(--herald-muted, #656d76); font-size: 16px; line-height: 26px; }
    .archive:hover { background: color-mix(in srgb, var(--herald-foreground, #1f2328) 8%, transparent); }
    .empty, .error { padding: 28px 16px; text-align: center; font-size: 14px; color: var(--herald-muted, #656d76); }
  `;

  const BELL = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" '
    + 'stroke-linejoin="round" aria-hidden="true"><path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8"/>'
    + '<path d="M10.3 21a1.94 1.94 0 0 0 3.4 0"/></svg>';

  function ago(millis) {
    const seconds = Math.max(0, Math.round((Date.now() - millis) / 1000));
    if (seconds < 60) return "just now";
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return minutes + " min ago";
    const hours = Math.round(minutes / 60);
    if (hours < 24) return hours + " h ago";
    return new Date(millis).toLocaleDateString();
  }

  function safeUrl(value) {
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  class HeraldInbox extends HTMLElement {
    static get observedAttributes() { return ["base-url", "user-id", "token"]; }

    constructor() {
      super();
      this.messages = [];
      this.unread = 0;
      this.root = this.attachShadow({ mode: "open" });
      this.root.innerHTML = `<style>${STYLE}</style>
        <button class="bell" part="bell" aria-haspopup="true" aria-expanded="false">${BELL}<span class="badge" part="badge" hidden></span></button>
        <section class="panel" part="panel" hidden role="dialog" aria-label="Notifications">
          <header><h2>Notifications</h2><button class="link read-all" type="button">Mark all read</button></header>
          <ol role="list"></ol>
        </section>`;
      this.bell = this.root.querySelector(".bell");
      this.badge = this.root.querySelector(".badge");
      this.panel = this.root.querySelector(".panel");
      this.list = this.root.querySelector("ol");
      this.readAllButton = this.root.querySelector(".read-all");
      this.bell.addEventListener("click", () => this.toggle());
      this.readAllButton.addEventListener("click", () => this.act("read-all"));
      this.onKey = (event) => { if (event.key === "Escape") this.toggle(false); };
      this.onOutside = (event) => { if (!event.composedPath().includes(this)) this.toggle(false); };
    }

    connectedCallback() {
      document.addEventListener("keydown", this.onKey);
      document.addEventListener("click", this.onOutside);
      this.start();
    }

    disconnectedCallback() {
      document.removeEventListener("keydown", this.onKey);
      document.removeEventListener("click", this.onOutside);
      this.stop();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.start();
    }

    get base() { return (this.getAttribute("base-url") || "").replace(/\/+$/, ""); }
    get user() { return encodeURIComponent(this.getAttribute("user-id") || ""); }
    get token() { return this.getAttribute("token") || ""; }

    async call(method, path) {
      const response = await fetch(`${this.base}/users/${this.user}/inbox${path}`, {
        method, headers: { Authorization: `Bearer ${this.token}` }
      });
      if (!response.ok) throw new Error(`Herald answered ${response.status}`);
      return response.json();
    }

    async start() {
      this.stop();
      if (!this.base || !this.user || !this.token) return;
      try {
        const page = await this.call("GET", "?limit=30");
        this.messages = page.messages || [];
        this.setUnread(page.unread_count || 0);
        this.error = null;
      } catch (e) {
        this.error = "Notifications could not be loaded.";
      }
      this.render();
      this.stream = new EventSource(`${this.base}/users/${this.user}/inbox/stream?token=${encodeURIComponent(this.token)}`);
      const update = (event) => this.apply(event.type, JSON.parse(event.data || "{}"));
      ["ready", "message", "read", "unread", "archive", "read-all"].forEach((type) => this.stream.addEventListener(type, update));
    }

    stop() {
      if (this.stream) this.stream.close();
      this.stream = null;
      this.connectedOnce = false;
    }

    async reload() {
      try {
        const page = await this.call("GET", "?limit=30");
        this.messages = page.messages || [];
        this.setUnread(page.unread_count || 0);
        this.render();
      } catch (e) {
        // The stream's events keep the list going; the next reconnect tries again.
      }
    }

    apply(type, data) {
      if (type === "ready") {
        // A reconnect: the stream resumes from its last event, and the list is read again in case any was missed.
        if (this.connectedOnce) this.reload();
        this.connectedOnce = true;
      }
      if (typeof data.unread_count === "number") this.setUnread(data.unread_count);
      const message = data.message;
      if (type === "message" && message && !this.messages.some((m) => m.messageId === message.messageId)) {
        this.messages.unshift(message);
      } else if (type === "archive") {
        this.messages = this.messages.filter((m) => m.messageId !== data.messageId);
      } else if (type === "read-all") {
        this.messages.forEach((m) => { if (!m.read) m.read = Date.now(); });
      } else if (message) {
        this.messages = this.messages.map((m) => (m.messageId === message.messageId ? message : m));
      }
      this.render();
    }

    setUnread(count) {
      this.unread = count;
      this.badge.hidden = count === 0;
      this.badge.textContent = count > 99 ? "99+" : String(count);
      this.bell.setAttribute("aria-label", count === 0 ? "Notifications" : `Notifications, ${count} unread`);
      this.readAllButton.disabled = count === 0;
    }

    toggle(open = this.panel.hidden) {
      this.panel.hidden = !open;
      this.bell.setAttribute("aria-expanded", String(open));
    }

    async act(action, message) {
      try {
        if (action === "read-all") {
          const answer = await this.call("POST", "/read-all");
          this.apply("read-all", answer);
        } else {
          const updated = await this.call("POST", `/${encodeURIComponent(message.messageId)}/${action}`);
          this.apply(action, { message: updated, messageId: message.messageId });
        }
      } catch (e) {
        this.error = "That did not go through; try again.";
        this.render();
      }
    }

    render() {
      this.list.replaceChildren();
      if (this.error || this.messages.length === 0) {
        const note = document.createElement("li");
        note.className = this.error ? "error" : "empty";
        note.textContent = this.error || "You're all caught up.";
        this.list.append(note);
        return;
      }
      for (const message of this.messages) {
        const row = document.createElement("li");
        row.className = message.read ? "read" : "unread";
        row.dataset.messageId = message.messageId;
        const item = document.createElement("button");
        item.className = "item";
        item.type = "button";
        for (const [part, text] of [["title", message.title], ["body", message.body], ["time", ago(message.created)]]) {
          if (!text) continue;
          const span = document.createElement("span");
          span.className = part;
          span.textContent = text;
          item.append(span);
        }
        item.addEventListener("click", () => {
          this.dispatchEvent(new CustomEvent("herald-inbox-click", { detail: message, bubbles: true, composed: true }));
          if (!message.read) this.act("read", message);
          const url = message.action_url && safeUrl(message.action_url);
          if (url) window.open(url, "_blank", "noopener");
        });
        const archive = document.createElement("button");
        archive.className = "archive";
        archive.type = "button";
        archive.setAttribute("aria-label", "Archive");
        archive.textContent = "×";
        archive.addEventListener("click", () => this.act("archive", message));
        row.append(item, archive);
        this.list.append(row);
      }
    }
  }

  if (!customElements.get("herald-inbox")) customElements.define("herald-inbox", HeraldInbox);
})();
