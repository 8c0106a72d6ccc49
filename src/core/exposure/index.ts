// The public-access engine's entry points for the analysis runner and the live-bucket posture.
export { evaluateBucketExposure, type ExposureOptions } from './evaluateBucketExposure';
export { evaluateAcl, normalizeCannedAcl } from './evaluateAcl';
export { ApplyOrderIndex, resourcesOf, type ApplyOrder } from './applyOrder';
