// A minimal SMTP server on a local port that keeps what it receives: the real nodemailer SMTP
// transport talks to it over TCP, so a test sees exactly what a mail server would get.

import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";

export type ReceivedMail = { from: string; to: string[]; data: string };

export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  /** Addresses the server refuses (550) while they are in the set: a mailbox that is down. */
  const refusing = new Set<string>();
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let mail: ReceivedMail = { from: "", to: [], data: "" };
    let inData = false;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 smtp-sink ready");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(mail);
          mail = { from: "", to: [], data: "" };
          reply("250 queued");
          continue;
        }
        const eol = buffer.indexOf("\r\n");
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 smtp-sink");
        else if (verb === "MAIL") {
          mail.from = line.slice(10).trim();
          reply("250 ok");
        } else if (verb === "RCPT") {
          const to = line.slice(8).trim();
          if (refusing.has(to.replace(/^<|>$/g, ""))) reply("550 mailbox unavailable");
          else {
            mail.to.push(to);
            reply("250 ok");
          }
        } else if (verb === "DATA") {
          inData = true;
          reply("354 end with <CRLF>.<CRLF>");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else reply("250 ok");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refusing,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
