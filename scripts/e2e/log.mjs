// Progress lines of the e2e scripts, on stderr so that stdout carries only the test output.
const startedAt = Date.now();

export function log(message) {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[e2e ${seconds}s] ${message}\n`);
}

export function elapsedSeconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}
