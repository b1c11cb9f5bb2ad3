// Outgoing e-mail. With SMTP_URL set, mail goes through that server (nodemailer); without it —
// development and tests — each message is written as an .eml file to <DATA_DIR>/outbox, where a
// person can open it, so no flow ever pretends to have sent mail it dropped.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = {
  /** "smtp": mail reaches the addressee (SMTP_URL); "outbox": it is only written to a local folder. */
  readonly transport: "smtp" | "outbox";
  send(mail: Mail): Promise<{ delivered: "smtp" | "outbox"; location?: string }>;
};

export function createMailer(options: { smtpUrl?: string | undefined; from: string; outboxDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: "smtp",
      async send(mail) {
        await transport.sendMail({ from: options.from, ...mail });
        return { delivered: "smtp" };
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    transport: "outbox",
    async send(mail) {
      const message = await transport.sendMail({ from: options.from, ...mail });
      await mkdir(options.outboxDir, { recursive: true });
      const file = path.join(options.outboxDir, `${Date.now()}-${mail.to.replace(/[^\w.@-]/g, "_")}.eml`);
      await writeFile(file, message.message as Buffer);
      return { delivered: "outbox", location: file };
    },
  };
}
