import { type Config, configPlaceholders } from '../config.ts';
import type { Check } from './checks.ts';

/**
 * The configuration as loaded: ✓ with its path, or one ✗ per example value
 * still in it (gigops.example.yml copied as is), naming the key and what to put.
 * Problems that stop loading (env, schema, an unreadable file) never get here:
 * `gigops doctor` lists those itself (cli.ts).
 */
export function checkConfig(config: Config): Check[] {
  const found = configPlaceholders(config);
  if (found.length === 0) return [{ name: 'Config', status: 'ok', detail: config.configPath }];
  return found.map((p) => ({
    name: 'Config',
    status: 'fail',
    detail: `${p.path} is still the example's ${p.value} (${config.configPath})`,
    fix: p.fix,
  }));
}
