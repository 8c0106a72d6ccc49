import { parseArgs } from 'node:util';
import type { FailOn } from './scanReport';

export type OutputFormat = 'text' | 'json' | 'sarif';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'rules'; format: OutputFormat }
  | { kind: 'scan'; options: ScanOptions };

export interface ScanOptions {
  format: OutputFormat;
  output?: string;
  failOn: FailOn;
  excludes: string[];
  ownAccountIds: string[];
  disabledRules: string[];
  noColor: boolean;
  paths: string[];
}

/** Bad command line: printed as one line on stderr with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const ACCOUNT_ID = /^\d{12}$/;

export function parseCliArguments(argv: string[], knownRuleIds: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given (try "scan <paths…>")');
  if (command === '--help' || command === '-h' || command === 'help') return { kind: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { kind: 'version' };
  if (command === 'rules') return parseRules(rest);
  if (command === 'scan') return parseScan(rest, knownRuleIds);
  if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (options go after the command: scan ${command} …)`);
  throw new UsageError(`unknown command "${command}" (commands: scan, rules)`);
}

function parseRules(args: string[]): CliCommand {
  const { values } = parseStrictly(args, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, false);
  if (values.help) return { kind: 'help' };
  return { kind: 'rules', format: oneOf(values.format, FORMATS, '--format', 'text') };
}

function parseScan(args: string[], knownRuleIds: readonly string[]): CliCommand {
  const { values, positionals } = parseStrictly(args, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    exclude: { type: 'string', multiple: true },
    'own-account': { type: 'string', multiple: true },
    disable: { type: 'string', multiple: true },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }, true);
  if (values.help) return { kind: 'help' };
  if (positionals.length === 0) throw new UsageError('scan needs at least one file or folder');
  const ownAccountIds = splitList(values['own-account']);
  for (const account of ownAccountIds) {
    if (!ACCOUNT_ID.test(account)) throw new UsageError(`--own-account expects a 12-digit AWS account id, got "${account}"`);
  }
  const disabledRules = splitList(values.disable).map((id) => id.toUpperCase());
  for (const ruleId of disabledRules) {
    if (!knownRuleIds.includes(ruleId)) throw new UsageError(`--disable: unknown rule "${ruleId}" (see the "rules" command)`);
  }
  if (values.output === '') throw new UsageError('--output needs a file name');
  const excludes = values.exclude ?? [];
  if (excludes.some((glob) => glob.trim() === '')) throw new UsageError('--exclude needs a glob pattern');
  return {
    kind: 'scan',
    options: {
      format: oneOf(values.format, FORMATS, '--format', 'text'),
      output: values.output,
      failOn: oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'warning'),
      excludes,
      ownAccountIds,
      disabledRules,
      noColor: values['no-color'] ?? false,
      paths: positionals,
    },
  };
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

function parseStrictly<T extends OptionSpec>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

/** Node's parseArgs messages mention its own API ("To specify a positional argument…"); keep the first sentence. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  const option = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const flag = /--[\w-]+/.exec(option)?.[0] ?? option;
    if (message.includes('argument missing')) return `option ${flag} needs a value`;
    if (message.includes('does not take')) return `option ${flag} does not take a value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && option) return `unexpected argument ${option}`;
  return message.split('. ')[0];
}

/** `--own-account 111,222` and repeated flags both work. */
function splitList(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}
