/** The part of SARIF 2.1.0 this tool writes (names as in the OASIS schema). */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: SarifDriver };
  originalUriBaseIds: Record<string, { uri: string; description?: SarifMessage }>;
  invocations: SarifInvocation[];
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifDriver {
  name: string;
  informationUri: string;
  semanticVersion: string;
  version: string;
  rules: SarifRule[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string };
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessage {
  text: string;
}

export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: Array<{ level: SarifLevel; message: SarifMessage; locations?: SarifLocation[] }>;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export interface SarifRegion {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset: number;
  charLength: number;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
  logicalLocations?: Array<{ fullyQualifiedName: string; kind: string }>;
  message?: SarifMessage;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  fixes?: Array<{
    description: SarifMessage;
    artifactChanges: Array<{
      artifactLocation: SarifArtifactLocation;
      replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }>;
    }>;
  }>;
  suppressions: Array<{ kind: 'inSource'; status: 'accepted'; justification: string; location?: SarifLocation }>;
  properties: { resource: string; publicAccess?: 'read' | 'write' | 'read-write'; bucketName?: string; access?: string[] };
}
