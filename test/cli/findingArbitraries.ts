import fc from 'fast-check';
import { LineIndex, type SourceLocation } from '../../src/core/model/location';
import type { Finding, Fix, Severity } from '../../src/core/model/finding';
import type { RuleDescription, ScanReport } from '../../src/cli/scanReport';

export const RULE_IDS = [
  'S3-PUBLIC-WRITE',
  'S3-PUBLIC-READ',
  'S3-PUBLIC-PERMISSIONS',
  'S3-PUBLIC-UNKNOWN',
  'S3-CROSS-ACCOUNT',
  'S3-BPA-MISSING',
  'S3-LOGGING-MISSING',
  'S3-LOGGING-TO-SELF',
  'S3-PARSE-ERROR',
];

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** A stand-in registry, so formatter tests do not depend on the rules' wording. */
export const TEST_RULES: RuleDescription[] = RULE_IDS.map((id, index) => ({
  id,
  title: `Title of ${id}`,
  severity: SEVERITIES[index % 3],
  summary: `Summary of ${id}.`,
  docs: `# ${id}\n\nWhat it **means**, with \`code\` and a [link](https://example.com/${id}).\n\n## Fix\n\nDo it.`,
}));

export const testDocsUrl = (ruleId: string) => `https://example.com/docs/${ruleId}.md`;

const fileText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '"', '{', '}', '$', 'é', '😀', '\t', '*'), maxLength: 200 });
const filePath = fc.constantFrom('main.tf', 'infra/site.tf', 'templates/app.yaml', 'policy with space.json', 'ünï/cödé.tf', '/outside/abs.tf');

/** A location: usually a real span of the text, sometimes a stale one whose offsets do not fit it. */
function locationIn(file: string, text: string): fc.Arbitrary<SourceLocation> {
  const index = new LineIndex(text);
  const valid = fc
    .tuple(fc.nat({ max: text.length }), fc.nat({ max: text.length }))
    .map(([a, b]) => index.location(file, Math.min(a, b), Math.max(a, b)));
  const stale = fc
    .record({ line: fc.nat(1000), character: fc.nat(300), length: fc.nat(50), offset: fc.nat(100000) })
    .map(({ line, character, length, offset }) => ({
      file,
      range: { start: { line, character }, end: { line, character: character + length }, startOffset: offset, endOffset: offset + length },
    }));
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: stale });
}

const snippetText = fc.string({ unit: fc.constantFrom('a', '$', '{', '}', '1', ':', '|', ',', '\\', ' ', '\n', 'x'), maxLength: 40 });

function fixIn(file: string, text: string): fc.Arbitrary<Fix> {
  return fc.record({
    title: fc.string({ minLength: 1, maxLength: 30 }),
    isPreferred: fc.boolean(),
    snippet: fc.boolean(),
    edits: fc.array(
      locationIn(file, text).chain((loc) =>
        fc.oneof(snippetText, fc.constantFrom('${1:reason}', 'acl = "private"', '${1|a,b|}')).map((newText) => ({
          file,
          startOffset: loc.range.startOffset,
          endOffset: loc.range.endOffset,
          newText,
        })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  });
}

function findingIn(file: string, text: string): fc.Arbitrary<Finding> {
  return fc
    .record({
      ruleId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...RULE_IDS) }, { weight: 1, arbitrary: fc.constant('S3-FUTURE-RULE') }),
      severity: fc.constantFrom(...SEVERITIES),
      message: fc.string({ maxLength: 120 }),
      loc: locationIn(file, text),
      resource: fc.oneof(fc.constantFrom('aws_s3_bucket.site', 'Bucket', 'policy.json'), fc.string({ maxLength: 20 })),
      bucketName: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      related: fc.array(fc.record({ loc: locationIn(file, text), message: fc.string({ maxLength: 40 }) }), { maxLength: 3 }),
      fixes: fc.array(fixIn(file, text), { maxLength: 3 }),
      publicAccess: fc.option(fc.constantFrom('read' as const, 'write' as const, 'read-write' as const), { nil: undefined }),
      access: fc.option(fc.subarray(['read' as const, 'write' as const, 'permissions' as const]), { nil: undefined }),
      suppressed: fc.option(
        locationIn(file, text).chain((loc) => fc.string({ minLength: 1, maxLength: 40 }).map((reason) => ({ reason, loc }))),
        { nil: undefined },
      ),
    })
    .map((record) => {
      const finding: Finding = { ...record };
      for (const key of ['bucketName', 'publicAccess', 'access', 'suppressed'] as const) {
        if (finding[key] === undefined) delete finding[key];
      }
      return finding;
    });
}

/** A report over 1–3 files with up to 12 findings, some on stale locations. */
export const scanReportArbitrary: fc.Arbitrary<ScanReport> = fc
  .uniqueArray(fc.tuple(filePath, fileText), { minLength: 1, maxLength: 3, selector: ([path]) => path })
  .chain((files) =>
    fc
      .tuple(
        fc.array(fc.constantFrom(...files).chain(([path, text]) => findingIn(path, text)), { maxLength: 12 }),
        fc.array(fc.record({ path: fc.string({ minLength: 1, maxLength: 20 }), reason: fc.string({ maxLength: 30 }), notRecognised: fc.boolean() }), { maxLength: 3 }),
        fc.nat(50),
      )
      .map(([findings, skipped, extraFiles]) => ({
        findings,
        filesAnalyzed: files.length + extraFiles,
        skipped,
        texts: new Map(files),
      })),
  );

export function fcRuns(): number {
  const runs = Number(process.env.FC_RUNS);
  return Number.isInteger(runs) && runs > 0 ? runs : 200;
}
