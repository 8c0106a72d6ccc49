import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { listAwsProfiles } from '../../../src/core/aws/profiles';

describe('listAwsProfiles', () => {
  test('profiles from both files, SSO ones marked, other sections and secrets left out', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 's3sr-profiles-'));
    try {
      const config = path.join(dir, 'config');
      const credentials = path.join(dir, 'credentials');
      writeFileSync(
        config,
        [
          '[default]',
          'region = eu-west-1',
          '[profile prod]',
          'sso_session = corp',
          'sso_account_id = 123456789012',
          '[sso-session corp]',
          'sso_start_url = https://corp.awsapps.com/start',
          '[services local]',
          's3 =',
          '  endpoint_url = http://localhost:9000',
          '# [profile commented]',
          '[profile legacy-sso]',
          'sso_start_url = https://old.awsapps.com/start',
        ].join('\n'),
      );
      writeFileSync(credentials, '[default]\naws_access_key_id = AKIDSECRETLOOKING\naws_secret_access_key = shh\n[ci]\naws_access_key_id = AKID2\n');
      const profiles = listAwsProfiles({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials });
      assert.deepEqual(
        profiles.map((profile) => [profile.name, profile.sso, profile.region ?? null, profile.sources.join('+')]),
        [
          ['default', false, 'eu-west-1', 'config+credentials'],
          ['ci', false, null, 'credentials'],
          ['legacy-sso', true, null, 'config'],
          ['prod', true, null, 'config'],
        ],
      );
      assert.doesNotMatch(JSON.stringify(profiles), /AKID|shh|awsapps/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no files: no profiles, no error', () => {
    assert.deepEqual(listAwsProfiles({ AWS_CONFIG_FILE: '/nonexistent/a', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/b' }), []);
  });
});
