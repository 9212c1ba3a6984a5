// Incremental parser for the text/event-stream format (WHATWG HTML "server-sent events").
// Pure: feed it decoded text chunks, get back complete events. No DOM, no network.

export class SseParser {
  #buffer = '';
  #skipLineFeed = false; // previous chunk ended with CR; a leading LF belongs to it
  #started = false;
  #eventType = '';
  #data = [];
  /** The last `id:` seen; survives across events, as the spec says. */
  lastEventId = '';
  /** The last valid `retry:` value in milliseconds, or null. */
  retry = null;

  /** Feeds a chunk of text; returns the events completed by it: {type, id, data}. */
  push(chunk) {
    let text = String(chunk ?? '');
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#skipLineFeed && text.length > 0) {
      if (text[0] === '\n') text = text.slice(1);
      this.#skipLineFeed = false;
    }
    const buf = this.#buffer + text;
    const events = [];
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      const c = buf[i];
      if (c !== '\n' && c !== '\r') continue;
      this.#line(buf.slice(start, i), events);
      if (c === '\r') {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === '\n') i++;
        } else {
          this.#skipLineFeed = true;
        }
      }
      start = i + 1;
    }
    this.#buffer = buf.slice(start);
    return events;
  }

  #line(line, events) {
    if (line === '') {
      this.#dispatch(events);
      return;
    }
    if (line[0] === ':') return; // comment, e.g. ":keepalive"
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon >= 0) {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value[0] === ' ') value = value.slice(1);
    }
    switch (field) {
      case 'event': this.#eventType = value; break;
      case 'data': this.#data.push(value); break;
      case 'id': if (!value.includes('\0')) this.lastEventId = value; break;
      case 'retry': if (/^\d+$/.test(value)) this.retry = Number(value); break;
      default: break; // unknown fields are ignored
    }
  }

  #dispatch(events) {
    if (this.#data.length > 0) {
      events.push({ type: this.#eventType || 'message', id: this.lastEventId, data: this.#data.join('\n') });
    }
    this.#eventType = '';
    this.#data = [];
  }
}
