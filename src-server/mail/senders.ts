import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { makeFolders } from '../../src-main/db/folders.js';

/**
 * Where the server's emails go: a mail server over SMTP (production), or a folder of `.eml`
 * files (the demo, and a club trying Comptoir before it has a mail account). Both are
 * nodemailer's own transports: the message is the same RFC 5322 text either way.
 */
export interface MailSender {
  /** Sends one message. @throws nodemailer's error, with `responseCode` when the mail server answered. */
  send(message: Mail.Options): Promise<void>;
  close(): void;
}

/**
 * An SMTP server, by URL: `smtp://user:password@host:587` (STARTTLS when offered) or
 * `smtps://…:465`. The credentials stay on the server; desks never see them.
 */
export function smtpSender(url: string): MailSender {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (message) => void (await transport.sendMail(message)),
    close: () => transport.close(),
  };
}

/** Writes each message as `<time>-<id>.eml` in `directory`, whole (a mail program opens it). */
export function directorySender(directory: string): MailSender {
  // There from the start: the folder the server names is one a mail program can already open.
  makeFolders(directory);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    send: async (message) => {
      const info = await transport.sendMail(message);
      makeFolders(directory);
      const id = String(message.messageId ?? Date.now()).replace(/[^\w.-]/g, '');
      const file = join(directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
      // Written whole, then renamed: a mail program never opens half a message.
      await writeFile(`${file}.part`, info.message as Buffer);
      await rename(`${file}.part`, file);
    },
    close: () => transport.close(),
  };
}
