import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface LogOptions {
  level?: string;
  /** Secret values scrubbed from every line, wherever they appear. */
  secrets?: readonly string[];
  destination?: DestinationStream;
}

const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.cookie',
  'secret',
  '*.secret',
];

/** A pino logger that never prints a secret, even one embedded in an error message. */
export function createLogger({
  level = 'info',
  secrets = [],
  destination,
}: LogOptions = {}): Logger {
  const values = secrets.filter((s) => s.length >= 4);
  const scrub = (line: string) =>
    values.reduce((acc, v) => (acc.includes(v) ? acc.split(v).join('[redacted]') : acc), line);
  return pino(
    {
      level,
      base: { app: 'gigops' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrub },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
