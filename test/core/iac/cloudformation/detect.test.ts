import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cloudFormationParses, looksLikeCloudFormation } from '../../../../src/core/iac/cloudformation';
import { readFixture } from './testSupport';

describe('looksLikeCloudFormation', () => {
  test('recognises YAML, JSON, SAM and CDK templates', () => {
    for (const fixture of [
      'cloudformation/static-website.yaml',
      'cloudformation/sam-thumbnails.yaml',
      'cloudformation/downloads-and-trails.json',
      'cloudformation/all-short-forms.yaml',
      'cloudformation/malformed.yaml',
      'cloudformation/cdk.out/WebsiteStack.template.json',
    ]) {
      const file = readFixture(fixture);
      assert.equal(looksLikeCloudFormation(file.path, file.text), true, fixture);
    }
  });

  test('a CDK template is recognised by its cdk.out path even without a version or a resource type', () => {
    assert.equal(looksLikeCloudFormation('infra/cdk.out/Stack.template.json', '{"Resources": {}}'), true);
    assert.equal(looksLikeCloudFormation('C:\\app\\cdk.out\\Stack.template.json', '{}'), true);
    assert.equal(looksLikeCloudFormation('infra/other/Stack.template.json', '{"Resources": {}}'), false);
  });

  test('minified JSON templates are recognised', () => {
    assert.equal(looksLikeCloudFormation('t.json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":{}}'), true);
    assert.equal(looksLikeCloudFormation('t.json', '{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}'), true);
  });

  test('other YAML and JSON files are not templates', () => {
    const others: Array<[string, string]> = [
      ['policy.json', readFixture('policy-json/public-read-policy.json').text],
      ['k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
      ['compose.yml', 'services:\n  web:\n    image: nginx\n'],
      ['resources.yaml', 'Resources:\n  - name: cpu\n    Type: limit\n'],
      ['main.tf', 'resource "aws_cloudformation_stack" "x" {\n  template_body = <<EOF\nAWSTemplateFormatVersion: 2010-09-09\nEOF\n}\n'],
      ['main.tf.json', '{"AWSTemplateFormatVersion": "2010-09-09"}'],
      ['empty.yaml', ''],
    ];
    for (const [path, text] of others) assert.equal(looksLikeCloudFormation(path, text), false, path);
  });
});

describe('cloudFormationParses', () => {
  test('is true for every well-formed fixture and false for malformed text', () => {
    for (const fixture of ['cloudformation/static-website.yaml', 'cloudformation/all-short-forms.yaml', 'cloudformation/cdk.out/WebsiteStack.template.json']) {
      const file = readFixture(fixture);
      assert.equal(cloudFormationParses(file.text, file.path), true, fixture);
    }
    const malformed = readFixture('cloudformation/malformed.yaml');
    assert.equal(cloudFormationParses(malformed.text, malformed.path), false);
    assert.equal(cloudFormationParses('{"Resources": {', 't.json'), false);
    assert.equal(cloudFormationParses('a: [1\n', 't.yaml'), false);
  });

  test('a YAML template written in flow style with short-form tags parses even though it starts with {', () => {
    assert.equal(cloudFormationParses('{Resources: {B: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref N}}}}', 't.yaml'), true);
  });
});
