import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  rcptTo: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server (smtp-server) on loopback, for the bot's pooled
 * Nodemailer transport: it records every message it accepted, parsed
 * (mailparser). `slow` holds each message's final answer until `release()`
 * (an SMTP server that took the data and has not said 250 yet); `refuse`
 * answers every message with a temporary failure.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  /** SMTP connections open now (a pooled transport keeps its own until closed). */
  connections = 0;
  slow = false;
  refuse = false;
  #held: Array<() => void> = [];
  #waiters: Array<() => void> = [];
  #server: SMTPServer | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true, // loopback only
      authOptional: true,
      logger: false,
      onConnect: (_session, callback) => {
        this.connections += 1;
        callback();
      },
      onClose: () => {
        this.connections -= 1;
        for (const w of this.#waiters.splice(0)) w();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const answer = () => {
            if (this.refuse) {
              callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
              return;
            }
            simpleParser(Buffer.concat(chunks), { skipImageLinks: true }).then(
              (mail) => {
                this.received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
                callback();
                for (const w of this.#waiters.splice(0)) w();
              },
              (error: Error) => callback(error),
            );
          };
          if (this.slow) this.#held.push(answer);
          else answer();
          for (const w of this.#waiters.splice(0)) w();
        });
      },
    });
    await new Promise<void>((r) => this.#server!.listen(0, '127.0.0.1', r));
    const { port } = this.#server.server.address() as AddressInfo;
    this.url = `smtp://127.0.0.1:${port}`;
    return this;
  }

  /** Messages whose data came in and whose answer is held (slow). */
  get waiting(): number {
    return this.#held.length;
  }

  /** Answers the held messages. */
  release(): void {
    this.slow = false;
    for (const answer of this.#held.splice(0)) answer();
  }

  /** Resolves once `check` holds (checked at each message and each closed connection). */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((r) => this.#waiters.push(r));
  }

  async stop(): Promise<void> {
    this.release();
    await new Promise<void>((r) => this.#server?.close(() => r()) ?? r());
  }
}
