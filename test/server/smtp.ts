import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the loopback mail server received (or refused after reading it whole). */
export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
  /** Whether the server said 250 to it. */
  accepted: boolean;
}

/** What the mail server answers a message after reading it: null to take it, or an SMTP refusal. */
export type Verdict = (mail: { to: string[]; index: number }) => { code: number; message: string } | null;

/**
 * A real SMTP server on loopback (smtp-server, the nodemailer project's own), plain text and no
 * authentication, that keeps every message it read, parsed with mailparser.
 */
export async function startSmtp(verdict: Verdict = () => null): Promise<{ url: string; messages: ReceivedMail[]; accepted: () => ReceivedMail[]; close: () => Promise<void> }> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      void simpleParser(stream).then((parsed) => {
        const refusal = verdict({ to, index: messages.length });
        messages.push({ to, parsed, accepted: refusal === null });
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    accepted: () => messages.filter((m) => m.accepted),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
