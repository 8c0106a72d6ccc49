import { promises as fs } from 'node:fs';
import { analyzeFiles, isCandidatePath, MAX_FILE_BYTES } from '../core/analyze';
import { allRules, ruleDocsUrl } from '../core/rules/registry';
import { parseCliArguments, UsageError, type ScanOptions } from './cliArguments';
import { collectFiles, MissingPathError, type SkippedFile } from './collectFiles';
import { formatJson } from './format/jsonFormat';
import { formatSarif } from './format/sarifFormat';
import { formatText, summaryLine } from './format/textFormat';
import { compileGlob } from '../core/analysis/pathGlob';
import { helpText, rulesJson, rulesText } from './helpText';
import { parsePostureArguments, runPosture } from './postureCommand';
import { failsAt, summarize, type ScanReport } from './scanReport';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

export interface CliEnvironment {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  version: string;
}

const PROGRAM = 's3-security-review';

/** Runs one command and returns the exit code; never throws (bad input and internal errors become messages). */
export async function runCli(environment: CliEnvironment): Promise<number> {
  try {
    if (environment.argv[0] === 'posture') {
      const posture = parsePostureArguments(environment.argv.slice(1));
      if (posture === 'help') {
        environment.writeStdout(helpText(environment.version, MAX_FILE_BYTES));
        return EXIT_OK;
      }
      return await runPosture(posture, environment);
    }
    const command = parseCliArguments(environment.argv, allRules.map((rule) => rule.id));
    switch (command.kind) {
      case 'help':
        environment.writeStdout(helpText(environment.version, MAX_FILE_BYTES));
        return EXIT_OK;
      case 'version':
        environment.writeStdout(`${environment.version}\n`);
        return EXIT_OK;
      case 'rules':
        environment.writeStdout(command.format === 'json' ? rulesJson(allRules, ruleDocsUrl) : rulesText(allRules, ruleDocsUrl));
        return EXIT_OK;
      case 'scan':
        return await scan(command.options, environment);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof MissingPathError) {
      environment.writeStderr(`${PROGRAM}: ${error.message}\nRun "${PROGRAM} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    environment.writeStderr(`${PROGRAM}: internal error: ${message.split('\n')[0]}\n`);
    if (environment.env.S3_SECURITY_REVIEW_DEBUG && error instanceof Error && error.stack) environment.writeStderr(`${error.stack}\n`);
    return EXIT_INTERNAL;
  }
}

async function scan(options: ScanOptions, environment: CliEnvironment): Promise<number> {
  const collected = await collectFiles({
    roots: options.paths,
    excludes: options.excludes.map(compileGlob),
    isCandidate: isCandidatePath,
    maxFileBytes: MAX_FILE_BYTES,
    cwd: environment.cwd,
  });
  const result = await analyzeFiles(collected.files, {
    ownAccountIds: options.ownAccountIds,
    disabledRules: options.disabledRules,
  });
  const skippedByCli = new Set(collected.skipped.map((skipped) => skipped.path));
  const skippedByAnalyzer: SkippedFile[] = result.filesSkipped
    .filter((skipped) => !skippedByCli.has(skipped.path))
    .map((skipped) => ({ ...skipped, notRecognised: true }));
  const report: ScanReport = {
    findings: result.findings,
    filesAnalyzed: result.filesAnalyzed,
    skipped: [...collected.skipped, ...skippedByAnalyzer],
    texts: new Map(collected.files.map((file) => [file.path, file.text])),
  };

  const toFile = options.output !== undefined;
  const rendered = render(report, options, environment, toFile);
  if (options.output !== undefined) {
    try {
      await fs.writeFile(options.output, rendered);
    } catch (error) {
      const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
      environment.writeStderr(`${PROGRAM}: cannot write ${options.output} (${code})\n`);
      return EXIT_USAGE;
    }
    environment.writeStderr(`${summaryLine(summarize(report))}\nReport written to ${options.output}\n`);
  } else {
    environment.writeStdout(rendered);
  }
  return failsAt(report.findings, options.failOn) ? EXIT_FINDINGS : EXIT_OK;
}

function render(report: ScanReport, options: ScanOptions, environment: CliEnvironment, toFile: boolean): string {
  switch (options.format) {
    case 'json':
      return formatJson(report, environment.version);
    case 'sarif':
      return formatSarif(report, { version: environment.version, rules: allRules, ruleDocsUrl, cwd: environment.cwd });
    case 'text':
      return formatText(report, { color: useColor(options, environment, toFile) });
  }
}

/** Colour only for a person at a terminal: never into files or pipes, and `NO_COLOR` (no-color.org) wins. */
function useColor(options: ScanOptions, environment: CliEnvironment, toFile: boolean): boolean {
  if (options.noColor || toFile) return false;
  if (environment.env.NO_COLOR !== undefined && environment.env.NO_COLOR !== '') return false;
  return environment.stdoutIsTTY;
}
