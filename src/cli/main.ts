import { version } from '../../package.json';

const EXIT_INTERNAL = 3;

function internalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`s3-security-review: internal error: ${message.split('\n')[0]}\n`);
  if (process.env.S3_SECURITY_REVIEW_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(EXIT_INTERNAL);
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

// A closed pipe (`… | head`) is not an error worth a message.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  else internalError(error);
});

// Loaded after the handlers above, so even a failure while loading the engine ends in one line and exit 3.
import('./runCli')
  .then(({ runCli }) =>
    runCli({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: process.stdout.isTTY === true,
      writeStdout: (text) => process.stdout.write(text),
      writeStderr: (text) => process.stderr.write(text),
      version,
    }),
  )
  .then((code) => {
    process.exitCode = code;
  }, internalError);
