import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";

/**
 * E-mail as it really leaves, for the tests: a real SMTP server (smtp-server, on a port the
 * system picks) that keeps every message it accepts, read back as headers and decoded parts.
 */
export interface Received {
  raw: string;
  to: string[];
  headers: Map<string, string>;
  parts: Map<string, string>;
}

/** A real SMTP server that keeps every message it accepts and can refuse the next few. */
export class TestSmtp {
  readonly received: Received[] = [];
  refuseNext = 0;
  delayMs = 0;
  #server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        if (this.delayMs) await sleep(this.delayMs);
        if (this.refuseNext > 0) {
          this.refuseNext--;
          const refusal = Object.assign(new Error("Mailbox busy, try later"), {
            responseCode: 451,
          });
          callback(refusal);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        this.received.push({
          raw,
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(raw),
        });
        callback();
      });
    },
  });
  port = 0;

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const address = this.#server.server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    this.port = address.port;
  }
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** Just enough MIME to read a message back: its headers and each part, decoded, by type. */
function parseMessage(raw: string): Pick<Received, "headers" | "parts"> {
  const [head = "", body = ""] = splitOnce(raw, "\r\n\r\n");
  const headers = headerMap(head);
  const parts = new Map<string, string>();
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const sections = boundary ? body.split(`--${boundary}`).slice(1, -1) : [];
  for (const section of sections) {
    const [partHead = "", partBody = ""] = splitOnce(section.replace(/^\r\n/, ""), "\r\n\r\n");
    const partHeaders = headerMap(partHead);
    const type = (partHeaders.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    parts.set(type, decode(partBody, partHeaders.get("content-transfer-encoding") ?? ""));
  }
  return { headers, parts };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}

function headerMap(head: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const [name = "", value = ""] = splitOnce(line, ":");
    map.set(name.trim().toLowerCase(), value.trim());
  }
  return map;
}

function decode(body: string, encoding: string): string {
  const trimmed = body.replace(/\r\n$/, "");
  if (/base64/i.test(encoding)) return Buffer.from(trimmed, "base64").toString("utf8");
  if (/quoted-printable/i.test(encoding)) {
    const bytes = trimmed
      .replace(/=\r\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return trimmed;
}
