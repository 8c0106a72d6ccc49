/**
 * The fake AWS server in its own process, so a benchmark measures the client's work only (both in
 * one Node thread would share one CPU). Driven over IPC: `start` with a FakeAccount, then `stats`,
 * then `stop`.
 */
import type { FakeAccount } from './scenario';
import { startFakeAws, type FakeAws } from './server';

type Message = { type: 'start'; account: FakeAccount } | { type: 'stats' } | { type: 'stop' };

let fake: FakeAws | undefined;

process.on('message', (message: Message) => {
  void handle(message);
});

async function handle(message: Message): Promise<void> {
  const reply = (value: unknown): void => {
    process.send?.(value);
  };
  if (message.type === 'start') {
    fake = await startFakeAws(message.account);
    reply({ type: 'ready', endpoint: fake.endpoint });
  } else if (message.type === 'stats') {
    const byOperation: Record<string, number> = {};
    for (const request of fake?.requests ?? []) byOperation[request.operation ?? 'unrouted'] = (byOperation[request.operation ?? 'unrouted'] ?? 0) + 1;
    const cpu = process.cpuUsage();
    reply({
      type: 'stats',
      requests: fake?.requests.length ?? 0,
      unrouted: fake?.unrouted.length ?? 0,
      peakInFlight: fake?.peakInFlight ?? 0,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      byOperation,
    });
  } else if (message.type === 'stop') {
    await fake?.close();
    process.exit(0);
  }
}
