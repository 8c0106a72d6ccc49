// Starts child processes in their own process group and guarantees that every group started here is
// ended when this script ends: normally, on an error, on Ctrl-C (SIGINT), SIGTERM or SIGHUP.
// Only the groups started here are signalled, never anything found by name.
import { spawn } from 'node:child_process';

/** pgid → name, for every group started and not yet stopped */
const liveGroups = new Map();
/** async clean-ups (close the browser, stop the server), run once at the end or on a signal */
const beforeExit = [];
/** run after every group has ended: removing files nothing writes to any more */
const afterGroupsEnded = [];
let exiting = false;

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Like child_process.spawn, but the child leads a new session/process group (setsid). */
export function spawnGroup(name, command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid !== undefined) liveGroups.set(child.pid, name);
  return child;
}

/** TERM to the whole group, then KILL to whatever is left after `graceMs`. */
export async function stopGroup(pgid, graceMs = 5000) {
  if (!liveGroups.has(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  liveGroups.delete(pgid);
}

export function onBeforeExit(cleanup) {
  beforeExit.push(cleanup);
}

export function onAfterProcessesEnded(cleanup) {
  afterGroupsEnded.push(cleanup);
}

async function cleanUpAndExit(code) {
  if (exiting) return;
  exiting = true;
  // Last registered first, like nested `finally` blocks: the browser, then the server, then files.
  for (const cleanup of beforeExit.reverse()) {
    await Promise.race([
      Promise.resolve().then(cleanup).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, 8000)),
    ]);
  }
  await Promise.allSettled([...liveGroups.keys()].map((pgid) => stopGroup(pgid, 3000)));
  for (const cleanup of afterGroupsEnded) {
    try {
      cleanup();
    } catch (error) {
      process.stderr.write(`[e2e] clean-up: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  process.exit(code);
}

let installed = false;
/** Installs the EXIT/INT/TERM/HUP handlers once. */
export function installExitHandlers() {
  if (installed) return;
  installed = true;
  // Last resort, synchronous: whatever is still running when the process exits is killed.
  process.on('exit', () => {
    for (const pgid of liveGroups.keys()) signalGroup(pgid, 'SIGKILL');
  });
  for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
    process.on(signal, () => {
      process.stderr.write(`\n[e2e] ${signal}: stopping everything this run started\n`);
      void cleanUpAndExit(128 + number);
    });
  }
}

/** True once a signal or the end of the run started the clean-up. */
export function isExiting() {
  return exiting;
}

/** Runs the async clean-ups, ends every group and exits with `code`. */
export function exitAfterCleanup(code) {
  return cleanUpAndExit(code);
}
