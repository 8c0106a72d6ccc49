import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AccountPosture } from '../core/posture/types';
import { POSTURE_FORMATS, renderPostures, type PostureFormat } from '../views/postureExportFormat';
import { UsageError } from './cliArguments';

/**
 * `s3-security-review posture`: reads live accounts with the same collector as the editor's bucket
 * view and prints the posture as JSON, CSV or Markdown.
 */

export interface PostureOptions {
  profiles: string[];
  regions: string[];
  format: PostureFormat;
  output?: string;
  concurrency?: number;
}

export interface PostureEnvironment {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

export const POSTURE_EXIT_OK = 0;
export const POSTURE_EXIT_USAGE = 2;
/** Credentials missing, unusable or expired: nothing could be read. */
export const POSTURE_EXIT_CREDENTIALS = 3;

const PROGRAM = 's3-security-review';

export function parsePostureArguments(args: string[]): PostureOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        profile: { type: 'string', short: 'p', multiple: true },
        region: { type: 'string', short: 'r', multiple: true },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`posture: ${message.split('. ')[0]}`);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const format = values.format ?? 'json';
  if (!(POSTURE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${POSTURE_FORMATS.join(', ')} (got "${format}")`);
  if (values.output === '') throw new UsageError('--output needs a file name');
  const profiles = splitList(values.profile);
  const regions = splitList(values.region);
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new UsageError(`--region expects an AWS region such as eu-west-1, got "${region}"`);
  }
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency expects a whole number from 1 to 64, got "${values.concurrency}"`);
  }
  return { profiles: [...new Set(profiles)], regions, format: format as PostureFormat, ...(values.output !== undefined ? { output: values.output } : {}), ...(concurrency ? { concurrency } : {}) };
}

export async function runPosture(options: PostureOptions, environment: PostureEnvironment): Promise<number> {
  // The SDK warns on Node 20 about its own future support policy, in ten lines on stderr that a CI
  // log reader cannot act on; this tool supports Node 20 (package.json engines). A user's own
  // setting wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { collectPosture } = await import('../core/posture/collectPosture');
  const profiles: Array<string | undefined> = options.profiles.length > 0 ? options.profiles : [undefined];
  const postures: AccountPosture[] = [];
  for (const profile of profiles) {
    postures.push(
      await collectPosture({
        ...(profile ? { profile } : {}),
        ...(options.regions.length > 0 ? { regions: options.regions } : {}),
        ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      }),
    );
  }

  const signIn = postures.map(signInFailure).find((message) => message !== undefined);
  if (signIn !== undefined) {
    environment.writeStderr(`${PROGRAM}: ${signIn}\n`);
    return POSTURE_EXIT_CREDENTIALS;
  }
  for (const posture of postures) {
    for (const problem of posture.problems) environment.writeStderr(`${PROGRAM}: ${posture.account ?? posture.profile ?? 'account'}: ${problem.message}\n`);
  }

  const rendered = renderPostures(postures, options.format);
  if (options.output === undefined) {
    environment.writeStdout(rendered);
    return POSTURE_EXIT_OK;
  }
  try {
    await fs.writeFile(options.output, rendered);
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
    environment.writeStderr(`${PROGRAM}: cannot write ${options.output} (${code})\n`);
    return POSTURE_EXIT_USAGE;
  }
  const buckets = postures.reduce((count, posture) => count + posture.buckets.length, 0);
  environment.writeStderr(`${buckets} bucket(s) in ${postures.length} account(s); posture written to ${options.output}\n`);
  return POSTURE_EXIT_OK;
}

/**
 * An account read with credentials that are missing, refused or expired yields nothing worth
 * printing: the one-line reason (with the `aws sso login` command for SSO) is the answer.
 */
function signInFailure(posture: AccountPosture): string | undefined {
  const problem = posture.problems.find((candidate) => candidate.kind === 'expired' || candidate.kind === 'credentials');
  if (!problem) return undefined;
  if (problem.kind === 'credentials' && posture.account !== null) return undefined;
  return problem.message.split('\n')[0];
}

function splitList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}
