// Measures, in one run and after warm-up: a bare tree-sitter parse of a generated 5,000-line Terraform file
// versus a full analysis of the same file, then CLI throughput over a 1,000-file tree. Last line: JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFiles } from '../src/core/analyze';
import { loadTerraformParser } from '../src/core/iac/terraform/grammar';
import { writeCliCorpus } from './cliCorpus';
import { generateTerraform } from './terraformGenerate';

const BUCKETS = Number(process.env.BENCH_BUCKETS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARM_UP = 5;
const CLI_FILES = Number(process.env.BENCH_CLI_FILES ?? 1000);
const CLI_RUNS = 3;
const RATIO_GOAL = 1.5;
const FULL_ANALYSIS_GOAL_MS = 50;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

async function measureParseVersusAnalysis() {
  const text = generateTerraform(BUCKETS);
  const lines = text.split('\n').length;
  const file = { path: 'bench/generated/main.tf', text };
  // The same web-tree-sitter runtime and Terraform grammar wasm the analyzer loads.
  const parser = await loadTerraformParser();
  const bareParse = () => {
    const tree = parser.parse(text);
    if (!tree) throw new Error('tree-sitter returned no tree');
    const nodes = tree.rootNode.descendantCount;
    tree.delete();
    return nodes;
  };
  const nodes = bareParse();
  let findings = 0;
  for (let i = 0; i < WARM_UP; i++) {
    bareParse();
    findings = (await analyzeFiles([file])).findings.length;
  }
  // Interleaved, so drift in machine load hits both series alike.
  const parseSamples: number[] = [];
  const analysisSamples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    parseSamples.push(await timeMs(bareParse));
    analysisSamples.push(await timeMs(() => analyzeFiles([file])));
  }
  return { lines, nodes, findings, parseMedianMs: median(parseSamples), analysisMedianMs: median(analysisSamples) };
}

function ensureBuiltCli(root: string): string {
  // BENCH_CLI points at another build of the CLI (e.g. to compare bundler settings).
  const cli = process.env.BENCH_CLI ? path.resolve(process.env.BENCH_CLI) : path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0 || !existsSync(cli)) throw new Error('building dist/cli.js failed');
  }
  return cli;
}

function measureCliThroughput(root: string) {
  const cli = ensureBuiltCli(root);
  const corpus = mkdtempSync(path.join(tmpdir(), 's3sr-bench-'));
  try {
    const stats = writeCliCorpus(corpus, CLI_FILES);
    const samples: number[] = [];
    let filesAnalyzed = 0;
    let findings = 0;
    let parseErrors: Array<{ message: string }> = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [cli, 'scan', '--format', 'json', '--fail-on', 'never', corpus], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      });
      samples.push(performance.now() - start);
      if (run.status !== 0) throw new Error(`CLI exited ${run.status}: ${run.stderr.trim()}`);
      const report = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; message: string }>; summary: { filesAnalyzed: number } };
      filesAnalyzed = report.summary.filesAnalyzed;
      findings = report.findings.length;
      parseErrors = report.findings.filter((finding) => finding.ruleId === 'S3-PARSE-ERROR');
    }
    const wallMs = median(samples);
    return { stats, filesAnalyzed, findings, parseErrors, wallMs, filesPerSecond: (stats.files / wallMs) * 1000 };
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}

async function main() {
  const root = path.resolve(__dirname, '..');
  const analysis = await measureParseVersusAnalysis();
  const ratio = analysis.analysisMedianMs / analysis.parseMedianMs;
  console.log(`Terraform file: ${analysis.lines} lines, ${BUCKETS} buckets, ${analysis.nodes} syntax nodes, ${analysis.findings} findings`);
  console.log(`bare tree-sitter parse: median ${analysis.parseMedianMs.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`full analysis (analyzeFiles): median ${analysis.analysisMedianMs.toFixed(1)} ms over ${RUNS} runs`);
  console.log(`ratio full/parse: ${ratio.toFixed(2)} (goal <= ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'NOT met'})`);
  console.log(`full analysis < ${FULL_ANALYSIS_GOAL_MS} ms: ${analysis.analysisMedianMs < FULL_ANALYSIS_GOAL_MS ? 'yes' : 'no'}`);

  const cli = measureCliThroughput(root);
  console.log(
    `CLI over ${cli.stats.files} files (${cli.stats.terraformFiles} .tf, ${cli.stats.cloudFormationFiles} CloudFormation, ` +
      `${cli.stats.policyFiles} policy JSON; ${(cli.stats.bytes / 1024).toFixed(0)} KiB): median ${cli.wallMs.toFixed(0)} ms ` +
      `wall incl. node start-up over ${CLI_RUNS} runs, ${cli.filesPerSecond.toFixed(0)} files/s, ${cli.filesAnalyzed} analysed, ${cli.findings} findings`,
  );
  if (cli.parseErrors.length > 0) {
    // The corpus is valid IaC: parse errors mean the built CLI could not read it, so its speed means nothing.
    console.log(
      `WARNING: the CLI reported ${cli.parseErrors.length} parse errors on a valid corpus (first: ${cli.parseErrors[0].message}); ` +
        'files/s is not representative',
    );
  }
  console.log(
    JSON.stringify({
      terraformLines: analysis.lines,
      buckets: BUCKETS,
      runs: RUNS,
      parseMedianMs: round(analysis.parseMedianMs),
      analysisMedianMs: round(analysis.analysisMedianMs),
      ratio: round(ratio),
      ratioGoalMet: ratio <= RATIO_GOAL,
      analysisUnder50Ms: analysis.analysisMedianMs < FULL_ANALYSIS_GOAL_MS,
      cliFiles: cli.stats.files,
      cliFilesAnalyzed: cli.filesAnalyzed,
      cliWallMs: round(cli.wallMs, 0),
      cliFilesPerSecond: round(cli.filesPerSecond, 0),
      cliParseErrors: cli.parseErrors.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
