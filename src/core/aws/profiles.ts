import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

export interface AwsProfileInfo {
  name: string;
  /** Signs in through IAM Identity Center (`aws sso login --profile <name>` refreshes it). */
  sso: boolean;
  region?: string;
  /** Where the profile is defined. */
  sources: Array<'config' | 'credentials'>;
}

/**
 * The named profiles of the shared config and credentials files (honouring AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE), for a profile picker. Only section names and a few non-secret keys
 * are read; keys and tokens are never returned. Missing or unreadable files give no profiles.
 */
export function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): AwsProfileInfo[] {
  const home = env.HOME || env.USERPROFILE || homedir();
  const configPath = env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config');
  const credentialsPath = env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials');
  const profiles = new Map<string, AwsProfileInfo>();
  const profileOf = (name: string): AwsProfileInfo => {
    let profile = profiles.get(name);
    if (!profile) {
      profile = { name, sso: false, sources: [] };
      profiles.set(name, profile);
    }
    return profile;
  };

  for (const section of readIniSections(configPath)) {
    // In the config file a profile is `[profile name]`, except `[default]`; other sections
    // (`[sso-session x]`, `[services x]`) are not profiles.
    const match = /^profile\s+(.+)$/.exec(section.name);
    const name = section.name === 'default' ? 'default' : match?.[1]?.trim();
    if (!name) continue;
    const profile = profileOf(name);
    if (!profile.sources.includes('config')) profile.sources.push('config');
    if (section.keys.has('sso_session') || section.keys.has('sso_start_url')) profile.sso = true;
    const region = section.keys.get('region');
    if (region) profile.region = region;
  }
  for (const section of readIniSections(credentialsPath)) {
    const profile = profileOf(section.name);
    if (!profile.sources.includes('credentials')) profile.sources.push('credentials');
  }
  return [...profiles.values()].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

const READABLE_KEYS = new Set(['region', 'sso_session', 'sso_start_url']);

interface IniSection {
  name: string;
  keys: Map<string, string>;
}

function readIniSections(file: string): IniSection[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const sections: IniSection[] = [];
  let current: IniSection | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = { name: header[1].trim(), keys: new Map() };
      sections.push(current);
      continue;
    }
    const pair = /^([A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (current && pair && READABLE_KEYS.has(pair[1].toLowerCase())) current.keys.set(pair[1].toLowerCase(), pair[2].trim());
  }
  return sections;
}
