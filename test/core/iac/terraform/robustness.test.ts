import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createTerraformFixer, parseTerraformModule, terraformParses } from '../../../../src/core/iac/terraform';
import type { DeclarationSet } from '../../../../src/core/model/bucket';
import type { SourceFile } from '../../../../src/core/model/sourceFile';
import { getEntry, type LObject } from '../../../../src/core/model/value';
import { fixtureModule } from './fixtureFiles';

const RUNS = Number(process.env.FC_RUNS ?? 300);

/** Every fixer method on everything the set declares: none may throw. */
function exerciseFixer(set: DeclarationSet, files: SourceFile[]): void {
  const fixer = createTerraformFixer(set, files);
  for (const bucket of set.buckets) {
    fixer.addPublicAccessBlock(bucket);
    fixer.addAccessLogging(bucket, set);
    fixer.suppress('S3-BPA-MISSING', bucket.resource.headerLoc, bucket.resource.address);
    for (const acl of bucket.acls) fixer.makeAclPrivate(acl);
    for (const policy of bucket.policies) {
      const statements = getEntry(policy.document, 'Statement')?.value;
      const items = statements?.kind === 'array' ? statements.items : statements ? [statements] : [];
      for (const statement of items.filter((item): item is LObject => item.kind === 'object')) {
        const cause = {
          source: 'policy' as const,
          certainty: 'public' as const,
          access: ['read' as const],
          grantedBy: [],
          loc: statement.loc,
          statementLoc: statement.loc,
          resourceAddress: policy.resource.address,
          why: 'fuzz',
          policy,
          statement,
        };
        fixer.restrictPrincipalToAccount(cause);
        fixer.addRestrictingCondition(cause);
        fixer.removeStatement(cause);
        fixer.suppress('S3-PUBLIC-READ', statement.loc, policy.resource.address);
      }
    }
  }
}

async function survives(files: SourceFile[]): Promise<void> {
  const set = await parseTerraformModule(files);
  assert.equal(set.format, 'terraform');
  exerciseFixer(set, files);
}

describe('bad input never throws', () => {
  test('random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        await survives([{ path: 'fuzz/main.tf', text }]);
      }),
      { numRuns: RUNS },
    );
  });

  test('garbled fixtures: slices, splices and repeated fragments', async () => {
    const modules = ['website-public-read', 'heredoc-policy', 'policy-document', 'split-files', 'variables', 'legacy-inline', 'cloudtrail', 'suppressions'].map(fixtureModule);
    const garble = fc.record({
      module: fc.integer({ min: 0, max: modules.length - 1 }),
      cuts: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(garble, async ({ module, cuts }) => {
        const files = modules[module].map((file) => {
          let text = file.text;
          for (const [at, remove, insert] of cuts) {
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(offset + remove);
          }
          return { path: file.path, text };
        });
        await survives(files);
      }),
      { numRuns: RUNS },
    );
  });

  test('pathological nesting and sizes', async () => {
    const cases = [
      `a = ${'['.repeat(20000)}`,
      `a = ${'('.repeat(5000)}1${')'.repeat(5000)}`,
      `a = jsonencode(${'{ k = '.repeat(3000)}1${' }'.repeat(3000)})`,
      `locals {\n${Array.from({ length: 300 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n')}\n  l300 = local.l0\n}\nresource "aws_s3_bucket" "b" { bucket = local.l0 }\n`,
      `resource "aws_s3_bucket" "b" {\n  bucket = "${'x'.repeat(200_000)}"\n}\n`,
      `resource "aws_s3_bucket" "b" {\n  policy = <<EOT\n${'{"a": '.repeat(3000)}1${'}'.repeat(3000)}\nEOT\n}\n`,
      '"'.repeat(1001),
      '\u0000\uffff\ud800',
    ];
    for (const text of cases) await survives([{ path: 'fuzz/main.tf', text }]);
  });

  test('terraformParses tells valid from broken HCL', async () => {
    assert.equal(await terraformParses('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n'), true);
    assert.equal(await terraformParses('resource "aws_s3_bucket" "b" {\n  bucket = "x"\n'), false);
    assert.equal(await terraformParses('a = "unterminated\n'), false);
  });
});
