import type { AnalyzeOptions } from '../core/analyze';
import type { Severity } from '../core/model/finding';

/** The `s3SecurityReview.*` settings as plain, validated values (no editor types, so tests run under node). */
export interface AnalysisSettings {
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  exclude: string[];
  ownAccountIds: string[];
  analyzeOnType: boolean;
  maxFileSizeKB: number;
}

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  disabledRules: [],
  severityOverrides: {},
  exclude: ['**/node_modules/**', '**/.terraform/**', '**/.git/**'],
  ownAccountIds: [],
  analyzeOnType: true,
  maxFileSizeKB: 5120,
};

const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['error', 'warning', 'info']);

/**
 * Reads the settings through `get` (a `WorkspaceConfiguration.get` in the editor). A value of the wrong
 * shape, typed by hand into settings.json, falls back to the default instead of reaching the analyzer.
 */
export function readAnalysisSettings(get: (key: string) => unknown): AnalysisSettings {
  const defaults = DEFAULT_ANALYSIS_SETTINGS;
  const size = get('maxFileSizeKB');
  const analyzeOnType = get('analyzeOnType');
  return {
    disabledRules: stringList(get('rules.disabled')) ?? defaults.disabledRules,
    severityOverrides: severityMap(get('rules.severity')),
    exclude: stringList(get('exclude')) ?? defaults.exclude,
    ownAccountIds: stringList(get('ownAccountIds')) ?? defaults.ownAccountIds,
    analyzeOnType: typeof analyzeOnType === 'boolean' ? analyzeOnType : defaults.analyzeOnType,
    maxFileSizeKB: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : defaults.maxFileSizeKB,
  };
}

export function toAnalyzeOptions(settings: AnalysisSettings): AnalyzeOptions {
  return {
    ownAccountIds: settings.ownAccountIds,
    disabledRules: settings.disabledRules,
    severityOverrides: settings.severityOverrides,
  };
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function severityMap(value: unknown): Record<string, Severity> {
  const result: Record<string, Severity> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return result;
  for (const [ruleId, severity] of Object.entries(value)) {
    if (typeof severity === 'string' && SEVERITIES.has(severity)) result[ruleId.trim()] = severity as Severity;
  }
  return result;
}
