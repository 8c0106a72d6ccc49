// The extension's own log file (its LogOutputChannel), read from the server's logs folder the runner
// passes in E2E_LOGS_DIR: <logs>/<session>/exthost<N>/<extension id>/<channel>.log.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_ID } from './extensionUnderTest';

function extensionLogFiles(logsDir: string): string[] {
  const files: string[] = [];
  for (const session of readdirSync(logsDir)) {
    const sessionDir = join(logsDir, session);
    for (const host of existsSync(sessionDir) ? readdirSync(sessionDir).filter((name) => name.startsWith('exthost')) : []) {
      const dir = join(sessionDir, host, EXTENSION_ID.toLowerCase());
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.log'))) files.push(join(dir, name));
    }
  }
  return files;
}

/** `[error]` lines of the extension's log; empty when the runner did not say where the logs are. */
export function extensionErrorLines(): string[] {
  const logsDir = process.env.E2E_LOGS_DIR;
  if (!logsDir || !existsSync(logsDir)) return [];
  return extensionLogFiles(logsDir).flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').filter((line) => /\[error\]/.test(line)).map((line) => `  ${line}`),
  );
}
