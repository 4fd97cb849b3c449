/** An in-process SMTP server on a free 127.0.0.1 port that keeps what it receives (and can refuse). */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpTestServer {
  port: number;
  received: ReceivedMail[];
  /** Every MAIL FROM seen, accepted or refused. */
  attempts: number;
  /** How many of the next attempts to refuse with a temporary 451. */
  refuseNext: number;
  close(): Promise<void>;
}

export async function startSmtpTestServer(auth: { user: string; password: string }): Promise<SmtpTestServer> {
  const state = { received: [] as ReceivedMail[], attempts: 0, refuseNext: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(a, _session, done) {
      if (a.username === auth.user && a.password === auth.password) return done(null, { user: a.username });
      return done(new Error('认证失败'));
    },
    onMailFrom(_address, _session, done) {
      state.attempts += 1;
      if (state.refuseNext > 0) {
        state.refuseNext -= 1;
        return done(Object.assign(new Error('temporarily unavailable'), { responseCode: 451 }));
      }
      return done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(state, {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as SmtpTestServer;
}
