import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REPORT_LINK_DAYS,
  reportLinkExpiry,
  signReportToken,
  verifyReportToken,
} from '../src/features/reports/link-token.ts';

const SECRET = 'report-secret-of-at-least-thirty-two-chars';
const NOW = new Date('2026-11-25T15:00:00Z');
const DAY = 86_400_000;
const acme = { clientId: 'acme', week: '2026-W48' };
const token = signReportToken(SECRET, { ...acme, expiresAt: reportLinkExpiry(NOW) });
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

/** A token for any payload text, signed as the real ones are: to test what verify makes of its fields. */
const forge = (payloadText: string, secret = SECRET) => {
  const payload = Buffer.from(payloadText).toString('base64url');
  const mac = createHmac('sha256', secret).update(`gigops-report-link.${payload}`).digest();
  return `${payload}.${mac.toString('base64url')}`;
};

describe('report link tokens (issue 23)', () => {
  it('name one client and week, for 90 days by default, and any other length when asked', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyReportToken(SECRET, token, NOW)).toEqual(acme);
    expect(verifyReportToken(SECRET, token, later(REPORT_LINK_DAYS - 0.001))).toEqual(acme);
    expect(verifyReportToken(SECRET, token, later(REPORT_LINK_DAYS))).toBeUndefined();
    expect(verifyReportToken(SECRET, token, later(400))).toBeUndefined();
    const week = signReportToken(SECRET, { ...acme, expiresAt: reportLinkExpiry(NOW, 7) });
    expect(verifyReportToken(SECRET, week, later(6))).toEqual(acme);
    expect(verifyReportToken(SECRET, week, later(7))).toBeUndefined();
  });

  it('are refused when signed with another secret or for another client', () => {
    expect(verifyReportToken(`${SECRET}x`, token, NOW)).toBeUndefined();
    expect(verifyReportToken(SECRET, token, NOW, { clientId: 'globex' })).toBeUndefined();
    expect(verifyReportToken(SECRET, token, NOW, { week: '2026-W47' })).toBeUndefined();
    expect(verifyReportToken(SECRET, token, NOW, { clientId: 'acme' })).toEqual(acme);
    const globex = signReportToken(SECRET, {
      clientId: 'globex',
      week: '2026-W48',
      expiresAt: later(1),
    });
    expect(verifyReportToken(SECRET, globex, NOW, { clientId: 'acme' })).toBeUndefined();
  });

  it('are refused when tampered with: another client, week or expiry under acme’s signature', () => {
    const signature = token.split('.')[1];
    const expiry = Math.floor(reportLinkExpiry(NOW).getTime() / 1000);
    for (const payload of [
      `v1.globex.2026-W48.${expiry}`,
      `v1.acme.2026-W49.${expiry}`,
      `v1.acme.2026-W48.${expiry + 86_400 * 365}`,
    ]) {
      const swapped = `${Buffer.from(payload).toString('base64url')}.${signature}`;
      expect(verifyReportToken(SECRET, swapped, NOW)).toBeUndefined();
    }
  });

  it('are refused when any one character changes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
        const changed = token.slice(0, at) + ch + token.slice(at + 1);
        fc.pre(changed !== token);
        expect(verifyReportToken(SECRET, changed, NOW)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('are refused when malformed, whatever the shape', () => {
    const [payload, signature] = token.split('.') as [string, string];
    // The same 32 bytes spelled differently: the last character's two spare bits set.
    const last = signature.at(-1)!;
    const spare = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = `${payload}.${signature.slice(0, -1)}${spare[spare.indexOf(last) ^ 1]}`;
    expect(Buffer.from(respelled.split('.')[1]!, 'base64url')).toEqual(
      Buffer.from(signature, 'base64url'),
    );
    for (const bad of [
      '',
      '.',
      'abc',
      `${payload}.`,
      `.${signature}`,
      `${payload}.${signature}.pdf`,
      `${payload}.${signature}=`,
      `${payload}.${signature.slice(1)}`,
      `${payload}/${signature}`,
      `${payload}%2E${signature}`,
      `${'A'.repeat(5000)}.${signature}`,
      respelled,
      forge(`v1.acme.2026-W48`),
      forge(`v2.acme.2026-W48.${Math.floor(later(1).getTime() / 1000)}`),
      forge(`v1.ACME.2026-W48.${Math.floor(later(1).getTime() / 1000)}`),
      forge(`v1.acme.2026-48.${Math.floor(later(1).getTime() / 1000)}`),
      forge('v1.acme.2026-W48.1e12'),
      forge('v1.acme.2026-W48.-1'),
      forge(`v1.acme.x.2026-W48.${Math.floor(later(1).getTime() / 1000)}`),
    ]) {
      expect(verifyReportToken(SECRET, bad, NOW), bad).toBeUndefined();
    }
    // The forge helper signs as the real thing does: a well-formed forged payload would pass.
    expect(
      verifyReportToken(
        SECRET,
        forge(`v1.acme.2026-W48.${Math.floor(later(1).getTime() / 1000)}`),
        NOW,
      ),
    ).toEqual(acme);
  });

  it('cannot be made for a client id or week that is not one', () => {
    const expiresAt = later(1);
    expect(() => signReportToken(SECRET, { clientId: 'a.b', week: '2026-W48', expiresAt })).toThrow(
      'not a client id',
    );
    expect(() => signReportToken(SECRET, { clientId: 'acme', week: 'W48', expiresAt })).toThrow(
      'not an ISO week key',
    );
    expect(() => signReportToken(SECRET, { ...acme, expiresAt: new Date(Number.NaN) })).toThrow(
      'expiresAt',
    );
  });
});
