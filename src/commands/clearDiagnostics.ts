import type { Ctx } from '../context';

/** `S3: Clear findings`: empties the Problems panel of this extension's findings until the next analysis. */
export function clearDiagnostics(ctx: Ctx): () => void {
  return () => {
    ctx.findings.clear();
    ctx.diagnostics.clear();
    ctx.log.info('Findings cleared');
  };
}
