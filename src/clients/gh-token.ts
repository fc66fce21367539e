import { execFile } from 'node:child_process';

/**
 * The GitHub CLI's token (`gh auth token`), when `gh` is installed and logged
 * in: the seed workflow's own tool, so a newcomer often has one already. No
 * shell, a short timeout, stderr ignored; anything odd means "none".
 */
export function ghAuthToken(
  env: Record<string, string | undefined>,
  apiUrl = 'https://api.github.com',
): Promise<string | undefined> {
  const host = new URL(apiUrl).hostname;
  const args = ['auth', 'token', ...(host === 'api.github.com' ? [] : ['--hostname', host])];
  return new Promise((resolve) => {
    execFile(
      'gh',
      args,
      { env: { PATH: env.PATH, HOME: env.HOME, GH_CONFIG_DIR: env.GH_CONFIG_DIR }, timeout: 3_000 },
      (error, stdout) => {
        const token = String(stdout).trim();
        resolve(!error && /^[\w-]{10,255}$/.test(token) ? token : undefined);
      },
    );
  });
}
