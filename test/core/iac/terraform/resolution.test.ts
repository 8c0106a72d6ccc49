import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTerraformModule } from '../../../../src/core/iac/terraform';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import { getEntry, toPlainJson, type LValue } from '../../../../src/core/model/value';
import { bucketAt, textAt } from './fixtureFiles';

async function moduleOf(files: Record<string, string>): Promise<{ set: DeclarationSet; files: Array<{ path: string; text: string }> }> {
  const sources = Object.entries(files).map(([name, text]) => ({ path: `mod/${name}`, text }));
  return { set: await parseTerraformModule(sources), files: sources };
}

function bucketNamed(set: DeclarationSet, address = 'aws_s3_bucket.b') {
  return bucketAt(set, address).bucketName;
}

function documentOf(set: DeclarationSet, address = 'aws_s3_bucket.b'): LValue {
  return bucketAt(set, address).policies[0].document;
}

describe('bucket names', () => {
  test('literal, template over locals and variables, functions', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        variable "env" { default = "prod" }
        locals { team = upper("data") }
        resource "aws_s3_bucket" "b" { bucket = "\${lower(local.team)}-\${var.env}-\${format("%s-%d", "x", 7)}" }
        resource "aws_s3_bucket" "c" { bucket = join("-", concat(["a"], ["b", var.env])) }
        resource "aws_s3_bucket" "d" { bucket_prefix = "logs-" }
      `,
    });
    assert.deepEqual(bucketNamed(set), { known: true, value: 'data-prod-x-7' });
    assert.deepEqual(bucketNamed(set, 'aws_s3_bucket.c'), { known: true, value: 'a-b-prod' });
    const prefixed = bucketNamed(set, 'aws_s3_bucket.d');
    assert.equal(prefixed.known, false);
    assert.match(prefixed.known ? '' : prefixed.reason, /bucket_prefix "logs-"/);
  });

  test('*.auto.tfvars overrides terraform.tfvars, which overrides the default', async () => {
    const { set } = await moduleOf({
      'main.tf': 'variable "name" { default = "from-default" }\nresource "aws_s3_bucket" "b" { bucket = var.name }\n',
      'terraform.tfvars': 'name = "from-tfvars"\n',
      'z.auto.tfvars': 'name = "from-auto"\n',
    });
    assert.deepEqual(bucketNamed(set), { known: true, value: 'from-auto' });
  });

  test('conditionals: same value on both sides is known, different values are unknown', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        variable "flag" {}
        resource "aws_s3_bucket" "b" { bucket = var.flag ? "same" : "same" }
        resource "aws_s3_bucket" "c" { bucket = var.flag ? "one" : "two" }
        resource "aws_s3_bucket" "d" { bucket = "x" == "x" && !false ? "yes" : "no" }
      `,
    });
    assert.deepEqual(bucketNamed(set), { known: true, value: 'same' });
    assert.equal(bucketNamed(set, 'aws_s3_bucket.c').known, false);
    assert.deepEqual(bucketNamed(set, 'aws_s3_bucket.d'), { known: true, value: 'yes' });
  });

  test('reference cycles and unsupported expressions are unknown, never a crash', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        locals {
          a = local.b
          b = "\${local.a}-x"
        }
        resource "aws_s3_bucket" "b" { bucket = local.a }
        resource "aws_s3_bucket" "c" { bucket = [for s in ["a"] : s][0] }
        resource "aws_s3_bucket" "d" { bucket = 1 + 2 }
        resource "aws_s3_bucket" "e" { bucket = module.names.first }
      `,
    });
    for (const address of ['aws_s3_bucket.b', 'aws_s3_bucket.c', 'aws_s3_bucket.d', 'aws_s3_bucket.e']) {
      assert.equal(bucketNamed(set, address).known, false, address);
    }
    assert.match(JSON.stringify(bucketNamed(set, 'aws_s3_bucket.b')), /refers to itself/);
  });
});

describe('policy documents', () => {
  test('quoted JSON string and jsondecode(file()) are parsed; interpolated JSON values are spliced', async () => {
    const { set, files } = await moduleOf({
      'main.tf': `
        resource "aws_s3_bucket" "b" { bucket = "b" }
        resource "aws_s3_bucket_policy" "b" {
          bucket = aws_s3_bucket.b.id
          policy = "{\\"Statement\\": [{\\"Effect\\": \\"Allow\\", \\"Principal\\": \\"*\\", \\"Action\\": \\"s3:GetObject\\"}]}"
        }
        resource "aws_s3_bucket" "c" { bucket = "c" }
        resource "aws_s3_bucket_policy" "c" {
          bucket = aws_s3_bucket.c.id
          policy = jsonencode(jsondecode(file("p.json")))
        }
        resource "aws_s3_bucket" "d" { bucket = "d" }
        resource "aws_s3_bucket_policy" "d" {
          bucket = aws_s3_bucket.d.id
          policy = <<EOT
        {"Statement": [{"Effect": "Allow", "Principal": \${jsonencode({ AWS = "*" })}, "Action": "s3:GetObject"}]}
        EOT
        }
      `,
      'p.json': '{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*"}}',
    });
    const principalOf = (document: LValue) => {
      const statement = getEntry(document, 'Statement')!.value;
      const first = statement.kind === 'array' ? statement.items[0] : statement;
      return getEntry(first, 'Principal')!.value;
    };
    const quoted = principalOf(documentOf(set));
    assert.equal(toPlainJson(quoted), '*');
    assert.equal(textAt(files, quoted.loc), '\\"*\\"', 'located on the escaped quotes in the .tf file');
    const fromFile = principalOf(documentOf(set, 'aws_s3_bucket.c'));
    assert.equal(fromFile.loc.file, 'mod/p.json');
    assert.deepEqual(toPlainJson(principalOf(documentOf(set, 'aws_s3_bucket.d'))), { AWS: '*' });
  });

  test('invalid JSON, template directives and unknown object keys are unknown with reasons', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        variable "key" {}
        resource "aws_s3_bucket" "b" {
          bucket = "b"
          policy = "{ not json"
        }
        resource "aws_s3_bucket" "c" {
          bucket = "c"
          policy = <<EOT
        {"Statement": [%{ for s in ["a"] }{"Sid": "\${s}"}%{ endfor }]}
        EOT
        }
        resource "aws_s3_bucket" "d" {
          bucket = "d"
          policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Condition = { StringEquals = { (var.key) = "x" } } }] })
        }
      `,
    });
    const invalid = documentOf(set);
    assert.equal(invalid.kind, 'unknown');
    assert.match(invalid.kind === 'unknown' ? invalid.reason : '', /not valid JSON.*line 5/);
    const directive = documentOf(set, 'aws_s3_bucket.c');
    assert.match(directive.kind === 'unknown' ? directive.reason : '', /template directive/);
    const statement = getEntry(documentOf(set, 'aws_s3_bucket.d'), 'Statement')!.value;
    const condition = statement.kind === 'array' ? getEntry(statement.items[0], 'Condition')!.value : undefined;
    assert.equal(condition?.kind, 'object');
    const equals = condition?.kind === 'object' ? condition.entries[0].value : undefined;
    assert.equal(equals?.kind, 'unknown', 'the operator map with an unknown key is unknown');
    assert.equal(toPlainJson(getEntry(statement.kind === 'array' ? statement.items[0] : statement, 'Principal')!.value), '*');
  });

  test('policy documents: defaults, not_principals, source/override merging and dynamic blocks', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        data "aws_iam_policy_document" "base" {
          statement {
            sid       = "Base"
            actions   = ["s3:GetObject"]
            resources = ["*"]
            principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::111122223333:root"]
            }
          }
          statement {
            sid       = "Replaced"
            actions   = ["s3:PutObject"]
            resources = ["*"]
          }
        }
        data "aws_iam_policy_document" "b" {
          source_policy_documents = [data.aws_iam_policy_document.base.json]
          statement {
            sid           = "Replaced"
            effect        = "Deny"
            not_actions   = ["s3:GetObject"]
            not_resources = ["arn:aws:s3:::b/private/*"]
            not_principals {
              type        = "AWS"
              identifiers = ["arn:aws:iam::111122223333:root"]
            }
          }
          dynamic "statement" {
            for_each = []
            content {}
          }
        }
        resource "aws_s3_bucket" "b" {
          bucket = "b"
          policy = data.aws_iam_policy_document.b.json
        }
      `,
    });
    const statement = getEntry(documentOf(set), 'Statement')!.value;
    assert.equal(statement.kind, 'array');
    const items = statement.kind === 'array' ? statement.items : [];
    assert.equal(items.length, 3);
    assert.deepEqual(toPlainJson(items[0]), {
      Sid: 'Base',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['*'],
      Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
    });
    assert.deepEqual(toPlainJson(items[1]), {
      Sid: 'Replaced',
      Effect: 'Deny',
      NotAction: ['s3:GetObject'],
      NotResource: ['arn:aws:s3:::b/private/*'],
      NotPrincipal: { AWS: ['arn:aws:iam::111122223333:root'] },
    });
    assert.equal(items[2].kind, 'unknown');
    assert.equal(toPlainJson(getEntry(documentOf(set), 'Version')!.value), '2012-10-17');
  });
});

describe('robustness', () => {
  test('empty input, only comments, and a non-Terraform file never throw', async () => {
    const { set } = await moduleOf({ 'a.tf': '', 'b.tf': '# nothing here\n', 'notes.txt': 'resource {' });
    assert.deepEqual(set.buckets, []);
    assert.deepEqual(set.parseProblems, []);
  });

  test('a policy without a bucket argument still gets a partial bucket', async () => {
    const { set } = await moduleOf({ 'main.tf': 'resource "aws_s3_bucket_policy" "p" {\n  policy = "{}"\n}\n' });
    const bucket = bucketAt(set, 'aws_s3_bucket_policy.p');
    assert.equal(bucket.partial, true);
    assert.equal(bucket.bucketName.known, false);
  });
});

describe('paths', () => {
  test('file() resolves against the module directory with Windows separators too', async () => {
    const set = await parseTerraformModule([
      { path: 'C:\\repo\\infra\\main.tf', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  policy = file("${path.module}/policies/read.json")\n}\n' },
      { path: 'C:\\repo\\infra\\policies\\read.json', text: '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}' },
    ]);
    const document = bucketAt(set, 'aws_s3_bucket.b').policies[0].document;
    assert.equal(document.kind, 'object');
    const statement = getEntry(document, 'Statement')!.value;
    assert.equal(statement.kind === 'array' && statement.items[0].loc.file, 'C:\\repo\\infra\\policies\\read.json');
  });
});

describe('count and for_each decide whether a resource exists', () => {
  test('zero instances declare nothing; an unknown count makes what the resource sets unknown', async () => {
    const { set } = await moduleOf({
      'main.tf': `
        variable "public" { default = false }
        variable "create_acl" {}
        resource "aws_s3_bucket" "b" { bucket = "b" }
        resource "aws_s3_bucket_policy" "public" {
          count  = var.public ? 1 : 0
          bucket = aws_s3_bucket.b.id
          policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject" }] })
        }
        resource "aws_s3_bucket_acl" "maybe" {
          count  = var.create_acl ? 1 : 0
          bucket = aws_s3_bucket.b.id
          acl    = "public-read"
        }
        resource "aws_s3_bucket_public_access_block" "none" {
          for_each = toset([])
          bucket   = aws_s3_bucket.b.id
        }
        resource "aws_s3_bucket" "never" {
          count  = 0
          bucket = "never"
        }
      `,
    });
    assert.deepEqual(set.buckets.map((bucket) => bucket.resource.address), ['aws_s3_bucket.b']);
    const bucket = bucketAt(set, 'aws_s3_bucket.b');
    assert.deepEqual(bucket.policies, []);
    assert.equal(bucket.publicAccessBlock, undefined);
    const acl = bucket.acls[0];
    assert.deepEqual(acl.canned?.value, { known: true, value: 'public-read' }, 'the value stays as written');
    const exists = acl.resource.exists;
    assert.equal(exists?.known, false);
    assert.match(exists?.known === false ? exists.reason : '', /aws_s3_bucket_acl\.maybe exists only if count > 0/);
    assert.equal(bucket.resource.exists, undefined, 'a resource without count or for_each is simply created');
  });
});
