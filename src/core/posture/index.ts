export { collectPosture } from './collectPosture';
export type { CollectPostureOptions } from './collectPosture';
export { postureToCsv, postureToJson, postureToMarkdown, POSTURE_CSV_COLUMNS } from './renderPosture';
export { judgeLivePublicAccess } from './publicAccess';
export type { LivePublicAccessInputs } from './publicAccess';
export type { LiveAnswer, LiveFlags, LiveGrant } from './liveModel';
export { advancedSelectorCoverage, basicSelectorCoverage, trailSelectorCoverage } from './trailSelectors';
export type { AdvancedEventSelector, BasicEventSelector, Coverage, SelectorCoverage, TrailSelectors } from './trailSelectors';
export type {
  AccountPosture,
  AspectState,
  BlockPublicAccessFlagName,
  BlockPublicAccessPosture,
  BucketPosture,
  DataEventsPosture,
  EncryptionPosture,
  ExposureState,
  LoggingPosture,
  PostureProblem,
  PublicAccessEvidence,
  PublicAccessPosture,
  RequestMetricsPosture,
  TrailCoverage,
  TrailSummary,
} from './types';
