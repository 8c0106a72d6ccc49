// Bucket-policy judgement and the located JSON reader other parts reuse for raw policy files.
export { evaluateBucketPolicy, type PolicyContext, type PolicyEvaluation, type PolicyUnknown } from './evaluateBucketPolicy';
export { RESTRICTING_CONDITION_KEYS, findRestrictingKey, type RestrictingConditionKey } from './restrictingConditionKeys';
export { S3_BUCKET_ACTIONS, type S3Action } from './s3ActionCatalog';
