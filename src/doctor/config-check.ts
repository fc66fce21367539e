import { type Config, configPlaceholders } from '../config.ts';
import { adminsOf } from '../domain/roles.ts';
import type { Check } from './check.ts';

/**
 * The configuration as loaded: ✓ with its path, or one ✗ per example value
 * still in it (gigops.example.yml copied as is), naming the key and what to put.
 * Problems that stop loading (env, schema, an unreadable file) never get here:
 * `gigops doctor` lists those itself (cli.ts).
 */
export function checkConfig(config: Config): Check[] {
  return [...checkPlaceholders(config), ...checkRoles(config), ...checkClientRepos(config)];
}

/** With clients, a pull request moves only the items of the client listing its repository. */
function checkClientRepos(config: Config): Check[] {
  if (!config.delivery) return [];
  return config.clients.flatMap((client, i): Check[] =>
    client.repos.length > 0
      ? []
      : [
          {
            name: 'Delivery',
            status: 'warn',
            detail: `clients.${i}.repos is empty: no pull request moves ${client.name}'s Notion items`,
            fix: `list ${client.name}'s repositories (owner/name) under clients.${i}.repos in gigops.yml`,
          },
        ],
  );
}

/** Neither `admins` nor `proposals.approvers`: anyone in the workspace acts for everyone. */
function checkRoles(config: Config): Check[] {
  if (adminsOf(config).length > 0) return [];
  return [
    {
      name: 'Roles',
      status: 'warn',
      detail:
        'no admins and no approvers: anyone in the workspace can run /gigs sync and /gigs snapshot, press Post now and dismiss',
      fix: 'list Slack user ids under `admins` (or `proposals.approvers`) in gigops.yml',
    },
  ];
}

function checkPlaceholders(config: Config): Check[] {
  const found = configPlaceholders(config);
  if (found.length === 0) return [{ name: 'Config', status: 'ok', detail: config.configPath }];
  return found.map((p) => ({
    name: 'Config',
    status: 'fail',
    detail: `${p.path} is still the example's ${p.value} (${config.configPath})`,
    fix: p.fix,
  }));
}
