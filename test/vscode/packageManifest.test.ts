/**
 * The manifest and the code must agree: every setting the code reads is declared with the same
 * default, every rule id a setting offers exists, every palette command is registered.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../src/core/analyze';
import { DEFAULT_ANALYSIS_SETTINGS } from '../../src/diagnostics/analysisSettings';
import { readAwsSettings } from '../../src/views/awsSettings';

interface SettingSchema {
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  maximum?: number;
  items?: { enum?: string[] };
  propertyNames?: { enum?: string[] };
  additionalProperties?: { enum?: string[] };
}

interface Manifest {
  activationEvents: string[];
  capabilities?: { untrustedWorkspaces?: { supported?: boolean | string } };
  contributes: {
    configuration: { properties: Record<string, SettingSchema> };
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: { commandPalette: Array<{ command: string }> };
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;

const SETTING_OF_FIELD: Record<keyof typeof DEFAULT_ANALYSIS_SETTINGS, string> = {
  disabledRules: 's3SecurityReview.rules.disabled',
  severityOverrides: 's3SecurityReview.rules.severity',
  exclude: 's3SecurityReview.exclude',
  ownAccountIds: 's3SecurityReview.ownAccountIds',
  analyzeOnType: 's3SecurityReview.analyzeOnType',
  maxFileSizeKB: 's3SecurityReview.maxFileSizeKB',
};

/** Rule ids as the rule folders name them (the registry's source of truth, read without loading the rules). */
function ruleIds(): string[] {
  const rulesDir = join('src', 'core', 'rules');
  return readdirSync(rulesDir)
    .filter((name) => existsSync(join(rulesDir, name, 'rule.ts')))
    .map((name) => name.toUpperCase())
    .sort();
}

describe('package.json contributes', () => {
  test('declares every setting the code reads, with a description and the same default', () => {
    for (const [field, setting] of Object.entries(SETTING_OF_FIELD)) {
      const schema = settings[setting];
      assert.ok(schema, `${setting} is declared`);
      assert.ok(schema.description ?? schema.markdownDescription, `${setting} has a description`);
      assert.deepEqual(schema.default, DEFAULT_ANALYSIS_SETTINGS[field as keyof typeof DEFAULT_ANALYSIS_SETTINGS], setting);
    }
    const awsDefaults = readAwsSettings(() => undefined);
    const AWS_SETTING_OF_FIELD: Record<keyof typeof awsDefaults, string> = {
      profiles: 's3SecurityReview.aws.profiles',
      regions: 's3SecurityReview.aws.regions',
      concurrency: 's3SecurityReview.aws.concurrency',
    };
    for (const [field, setting] of Object.entries(AWS_SETTING_OF_FIELD)) {
      const schema = settings[setting];
      assert.ok(schema, `${setting} is declared`);
      assert.ok(schema.description ?? schema.markdownDescription, `${setting} has a description`);
      assert.deepEqual(schema.default, awsDefaults[field as keyof typeof awsDefaults], setting);
    }
    assert.deepEqual(Object.keys(settings).sort(), [...Object.values(SETTING_OF_FIELD), ...Object.values(AWS_SETTING_OF_FIELD)].sort());
  });

  test('offers exactly the existing rule ids where a setting names rules', () => {
    const ids = ruleIds();
    assert.ok(ids.length > 0);
    assert.deepEqual([...(settings['s3SecurityReview.rules.disabled'].items?.enum ?? [])].sort(), ids);
    assert.deepEqual([...(settings['s3SecurityReview.rules.severity'].propertyNames?.enum ?? [])].sort(), ids);
    assert.deepEqual(settings['s3SecurityReview.rules.severity'].additionalProperties?.enum, ['error', 'warning', 'info']);
  });

  test('caps the size setting at what the analyzer reads', () => {
    assert.equal(settings['s3SecurityReview.maxFileSizeKB'].maximum, MAX_FILE_BYTES / 1024);
  });

  test('lists each registered palette command, in the S3 category and in the palette', () => {
    const extensionSource = ['extension.ts', join('views', 'registerBucketTree.ts')].map((file) => readFileSync(join('src', file), 'utf8')).join('\n');
    const registered = [...extensionSource.matchAll(/registerCommand\('(\w+)'/g)].map((match) => `s3SecurityReview.${match[1]}`);
    const contributed = manifest.contributes.commands.map((command) => command.command);
    for (const command of contributed) assert.ok(registered.includes(command), `${command} is registered`);
    assert.ok(contributed.includes('s3SecurityReview.scanWorkspace'));
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'S3', command.command);
    assert.deepEqual(
      manifest.contributes.menus.commandPalette.map((entry) => entry.command).sort(),
      [...contributed].sort(),
    );
  });

  test('activates lazily and runs in untrusted folders (file analysis is local)', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes('onLanguage:terraform'));
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  });
});

describe('walkthrough', () => {
  test('every step has a title, a description and media that ships in the .vsix', () => {
    const walkthroughs = (JSON.parse(readFileSync('package.json', 'utf8')) as {
      contributes: { walkthroughs?: Array<{ steps: Array<{ title: string; description: string; media: { markdown?: string } }> }> };
    }).contributes.walkthroughs ?? [];
    assert.equal(walkthroughs.length, 1);
    const allowList = readFileSync('.vscodeignore', 'utf8');
    assert.ok(allowList.includes('!media/**'), '.vscodeignore ships media/');
    for (const step of walkthroughs[0].steps) {
      assert.ok(step.title && step.description, JSON.stringify(step));
      assert.ok(step.media.markdown && existsSync(step.media.markdown), `${step.media.markdown} exists`);
    }
  });
});
