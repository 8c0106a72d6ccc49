import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownToText, ruleName, sarifRule, securitySeverity } from '../../src/cli/format/sarifRules';

describe('SARIF rule descriptions', () => {
  test('markdown help becomes readable plain text; IAM wildcards survive', () => {
    assert.equal(
      markdownToText('## Fix\n\nUse **CloudFront** with `OAC`; see *The meaning of "public"* and [AWS docs](https://docs.aws.amazon.com/x).\nActions s3:Get*, s3:List* stay.'),
      'Fix\n\nUse CloudFront with OAC; see The meaning of "public" and AWS docs (https://docs.aws.amazon.com/x).\nActions s3:Get*, s3:List* stay.',
    );
  });

  test('rule names are identifiers', () => {
    assert.equal(ruleName('S3-PUBLIC-READ'), 'S3PublicRead');
    assert.equal(ruleName('S3-BPA-MISSING'), 'S3BpaMissing');
  });

  test('security severity ranks write above read above sharing above hygiene', () => {
    const write = Number(securitySeverity('S3-PUBLIC-WRITE'));
    const read = Number(securitySeverity('S3-PUBLIC-READ'));
    const shared = Number(securitySeverity('S3-CROSS-ACCOUNT'));
    const logging = Number(securitySeverity('S3-LOGGING-MISSING'));
    assert.ok(write >= 9 && read >= 7 && read < write && shared < read && logging < shared);
    assert.match(securitySeverity('S3-SOMETHING-NEW'), /^\d+\.\d$/);
  });

  test('full description is the first paragraph of the docs, not a heading', () => {
    const rule = sarifRule({ id: 'S3-X', title: 'X', severity: 'info', summary: 'Short.', docs: '# Heading\n\nFirst **para**\ncontinues.\n\nSecond.' }, 'https://e.x/S3-X.md');
    assert.equal(rule.fullDescription.text, 'First para continues.');
    assert.equal(rule.defaultConfiguration.level, 'note');
    assert.equal(rule.help.markdown, '# Heading\n\nFirst **para**\ncontinues.\n\nSecond.');
  });
});
