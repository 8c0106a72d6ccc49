// Preloaded into the VS Code server's Node processes by the runner (NODE_OPTIONS=--require), so the
// extension host records outbound connections and the extension's activation time from its first line
// on, before any extension activates (with `workspaceContains` activation, that is before the suite loads).
import { startTimingActivation } from './activationTiming';
import { startRecordingOutboundConnections } from './outboundConnections';

startRecordingOutboundConnections();
if (process.env.E2E_EXTENSION_MAIN) startTimingActivation(process.env.E2E_EXTENSION_MAIN);
