import { execFile } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Debian's headless Chromium (`apt-get install chromium`; .ci/run installs it
 * when missing), driven by its command line: no browser download, no driver.
 * Undefined when it is not on PATH: browser tests then skip and say so.
 */
export const CHROMIUM: string | undefined = (process.env.PATH ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'chromium'))
  .find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

export const NO_CHROMIUM =
  'skipped: no chromium on PATH (apt-get install chromium; .ci/run installs it when apt is there)';

/**
 * Runs headless Chromium on one URL with the given flags and a throwaway
 * profile. It may reach loopback only: every host name fails to resolve
 * (tests never touch the network), and its background services are off.
 */
export function runChromium(
  url: string,
  flags: string[],
): Promise<{ stdout: string; stderr: string }> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM);
  const profile = mkdtempSync(join(tmpdir(), 'gigops-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox', // tests may run as root (CI does); the page is our own
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--metrics-recording-only',
    '--no-pings',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    `--user-data-dir=${profile}`,
    ...flags,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      CHROMIUM!,
      args,
      { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** A page as a reader sees it in headless Chromium: its DOM, and its text without tags or styles. */
export async function pageInChromium(url: string): Promise<{ dom: string; text: string }> {
  const { stdout: dom } = await runChromium(url, ['--dump-dom']);
  const text = dom
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
  return { dom, text };
}

/** A phone-sized screenshot (390 × 844) kept as test-artifacts/<name>; its PNG bytes. */
export async function keepScreenshot(url: string, name: string): Promise<Buffer> {
  const dir = new URL('../../test-artifacts/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const shot = new URL(name, dir);
  await runChromium(url, [`--screenshot=${shot.pathname}`, '--window-size=390,844']);
  return readFileSync(shot);
}
