import type { FakeAccount, FakeBlockPublicAccess, FakeBucket, FakeGrant, FakeOperation } from './scenario';
import { S3_NS, s3Error, xmlEscape, xmlOk, type FakeResponse } from './wire';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** From the SigV4 credential scope. */
  accessKeyId: string;
  region: string;
  service: string;
}

/** Which S3 operation a path-style request is, by method + path + query (as S3 itself routes). */
export function s3OperationOf(request: FakeRequest): { operation: FakeOperation; bucket?: string } | undefined {
  const segments = request.path.split('/').filter((segment) => segment.length > 0);
  const query = request.query;
  if (request.path.startsWith('/v20180820/')) {
    if (request.method === 'GET' && request.path === '/v20180820/configuration/publicAccessBlock') {
      return { operation: 'GetAccountPublicAccessBlock' };
    }
    return undefined;
  }
  if (segments.length === 0) {
    return request.method === 'GET' && (query.get('x-id') ?? 'ListBuckets') === 'ListBuckets' ? { operation: 'ListBuckets' } : undefined;
  }
  if (segments.length !== 1) return undefined;
  const bucket = decodeURIComponent(segments[0]);
  if (request.method === 'HEAD' && [...query.keys()].length === 0) return { operation: 'HeadBucket', bucket };
  if (request.method !== 'GET') return undefined;
  const byQuery: Array<[string, FakeOperation]> = [
    ['location', 'GetBucketLocation'],
    ['logging', 'GetBucketLogging'],
    ['publicAccessBlock', 'GetPublicAccessBlock'],
    ['policyStatus', 'GetBucketPolicyStatus'],
    ['policy', 'GetBucketPolicy'],
    ['acl', 'GetBucketAcl'],
    ['ownershipControls', 'GetBucketOwnershipControls'],
    ['encryption', 'GetBucketEncryption'],
    ['metrics', 'ListBucketMetricsConfigurations'],
  ];
  const keys = [...query.keys()].filter((key) => key !== 'x-id' && key !== 'continuation-token' && key !== 'id');
  if (keys.length !== 1) return undefined;
  const match = byQuery.find(([key]) => key === keys[0]);
  return match ? { operation: match[1], bucket } : undefined;
}

/** Answers one S3 / S3 Control operation from the account's data. */
export function answerS3(account: FakeAccount, request: FakeRequest, operation: FakeOperation, bucketName: string | undefined): FakeResponse {
  if (operation === 'ListBuckets') return listBuckets(account, request.query);
  if (operation === 'GetAccountPublicAccessBlock') return accountPublicAccessBlock(account, request);
  const bucket = account.buckets.find((candidate) => candidate.name === bucketName);
  if (!bucket) {
    return operation === 'HeadBucket'
      ? { status: 404, headers: {} }
      : s3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucketName ?? '' });
  }
  // GetBucketLocation is answered from any region; everything else only in the bucket's own.
  if (operation === 'GetBucketLocation') return location(bucket);
  if (request.region !== bucket.region) {
    return operation === 'HeadBucket'
      ? { status: 301, headers: { 'x-amz-bucket-region': bucket.region } }
      : s3Error(
          'PermanentRedirect',
          301,
          'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          { Endpoint: `s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
          { 'x-amz-bucket-region': bucket.region },
        );
  }
  switch (operation) {
    case 'HeadBucket':
      return { status: 200, headers: { 'x-amz-bucket-region': bucket.region } };
    case 'GetBucketLogging':
      return logging(bucket);
    case 'GetPublicAccessBlock':
      return bucket.publicAccessBlock
        ? xmlOk(publicAccessBlockXml(bucket.publicAccessBlock))
        : s3Error('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found', { BucketName: bucket.name });
    case 'GetBucketPolicyStatus':
      if (bucket.policy === undefined) return noPolicy(bucket);
      return xmlOk(`<PolicyStatus xmlns="${S3_NS}"><IsPublic>${bucket.policyIsPublic === true}</IsPublic></PolicyStatus>`);
    case 'GetBucketPolicy':
      if (bucket.policy === undefined) return noPolicy(bucket);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: bucket.policy };
    case 'GetBucketAcl':
      return acl(account, bucket);
    case 'GetBucketOwnershipControls':
      return bucket.ownership
        ? xmlOk(`<OwnershipControls xmlns="${S3_NS}"><Rule><ObjectOwnership>${bucket.ownership}</ObjectOwnership></Rule></OwnershipControls>`)
        : s3Error('OwnershipControlsNotFoundError', 404, 'The bucket ownership controls were not found', { BucketName: bucket.name });
    case 'GetBucketEncryption':
      return encryption(bucket);
    case 'ListBucketMetricsConfigurations':
      return metrics(bucket, request.query);
    default:
      return s3Error('NotImplemented', 501, `fake S3 has no answer for ${operation}`);
  }
}

const PAGE_TOKEN_PREFIX = 'fake-token:';

function listBuckets(account: FakeAccount, query: URLSearchParams): FakeResponse {
  const prefix = query.get('prefix') ?? '';
  const regionFilter = query.get('bucket-region');
  const maxBuckets = query.has('max-buckets') ? Number(query.get('max-buckets')) : 10_000;
  if (!Number.isInteger(maxBuckets) || maxBuckets < 1 || maxBuckets > 10_000) {
    return s3Error('InvalidArgument', 400, 'max-buckets must be between 1 and 10000');
  }
  const token = query.get('continuation-token');
  const after = token ? Buffer.from(token.slice(PAGE_TOKEN_PREFIX.length), 'base64url').toString('utf8') : '';
  if (token && !token.startsWith(PAGE_TOKEN_PREFIX)) return s3Error('InvalidArgument', 400, 'The continuation token provided is incorrect');
  const eligible = account.buckets
    .filter((bucket) => !bucket.unlisted && bucket.name.startsWith(prefix) && (!regionFilter || bucket.region === regionFilter))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((bucket) => bucket.name > after);
  const page = eligible.slice(0, maxBuckets);
  const more = eligible.length > page.length;
  const items = page
    .map((bucket) => {
      const region = bucket.omitRegionInListing ? '' : `<BucketRegion>${bucket.region}</BucketRegion>`;
      return `<Bucket><Name>${xmlEscape(bucket.name)}</Name><CreationDate>${bucket.creationDate ?? '2021-03-04T05:06:07.000Z'}</CreationDate>${region}</Bucket>`;
    })
    .join('');
  const next = more ? `<ContinuationToken>${PAGE_TOKEN_PREFIX}${Buffer.from(page[page.length - 1].name).toString('base64url')}</ContinuationToken>` : '';
  return xmlOk(
    `<ListAllMyBucketsResult xmlns="${S3_NS}"><Owner><ID>${account.canonicalUserId}</ID></Owner><Buckets>${items}</Buckets>${next}${prefix ? `<Prefix>${xmlEscape(prefix)}</Prefix>` : ''}</ListAllMyBucketsResult>`,
  );
}

function location(bucket: FakeBucket): FakeResponse {
  const constraint = bucket.locationConstraint ?? (bucket.region === 'us-east-1' ? '' : bucket.region);
  return xmlOk(
    constraint
      ? `<LocationConstraint xmlns="${S3_NS}">${xmlEscape(constraint)}</LocationConstraint>`
      : `<LocationConstraint xmlns="${S3_NS}"/>`,
  );
}

function logging(bucket: FakeBucket): FakeResponse {
  if (!bucket.logging) return xmlOk(`<BucketLoggingStatus xmlns="${S3_NS}"/>`);
  return xmlOk(
    `<BucketLoggingStatus xmlns="${S3_NS}"><LoggingEnabled><TargetBucket>${xmlEscape(bucket.logging.targetBucket)}</TargetBucket><TargetPrefix>${xmlEscape(bucket.logging.targetPrefix ?? '')}</TargetPrefix></LoggingEnabled></BucketLoggingStatus>`,
  );
}

function publicAccessBlockXml(flags: FakeBlockPublicAccess): string {
  return (
    `<PublicAccessBlockConfiguration xmlns="${S3_NS}">` +
    `<BlockPublicAcls>${flags.blockPublicAcls === true}</BlockPublicAcls>` +
    `<IgnorePublicAcls>${flags.ignorePublicAcls === true}</IgnorePublicAcls>` +
    `<BlockPublicPolicy>${flags.blockPublicPolicy === true}</BlockPublicPolicy>` +
    `<RestrictPublicBuckets>${flags.restrictPublicBuckets === true}</RestrictPublicBuckets>` +
    `</PublicAccessBlockConfiguration>`
  );
}

function accountPublicAccessBlock(account: FakeAccount, request: FakeRequest): FakeResponse {
  if (request.service !== 's3') return s3Error('SignatureDoesNotMatch', 403, `S3 Control is signed for s3, not ${request.service}`);
  const accountId = request.headers['x-amz-account-id'];
  if (accountId !== account.accountId) return s3Error('AccessDenied', 403, 'Access Denied');
  return account.accountPublicAccessBlock
    ? xmlOk(publicAccessBlockXml(account.accountPublicAccessBlock))
    : s3Error('NoSuchPublicAccessBlockConfiguration', 404, 'The public access block configuration was not found', { AccountId: account.accountId });
}

function noPolicy(bucket: FakeBucket): FakeResponse {
  return s3Error('NoSuchBucketPolicy', 404, 'The bucket policy does not exist', { BucketName: bucket.name });
}

function grantXml(grant: FakeGrant): string {
  const grantee = grant.grantee;
  const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  let inner: string;
  switch (grantee.type) {
    case 'Group':
      inner = `<Grantee ${xsi} xsi:type="Group"><URI>${xmlEscape(grantee.uri)}</URI></Grantee>`;
      break;
    case 'CanonicalUser':
      inner = `<Grantee ${xsi} xsi:type="CanonicalUser"><ID>${xmlEscape(grantee.id)}</ID>${grantee.displayName ? `<DisplayName>${xmlEscape(grantee.displayName)}</DisplayName>` : ''}</Grantee>`;
      break;
    case 'AmazonCustomerByEmail':
      inner = `<Grantee ${xsi} xsi:type="AmazonCustomerByEmail"><EmailAddress>${xmlEscape(grantee.email)}</EmailAddress></Grantee>`;
      break;
  }
  return `<Grant>${inner}<Permission>${grant.permission}</Permission></Grant>`;
}

function acl(account: FakeAccount, bucket: FakeBucket): FakeResponse {
  const owner = bucket.ownerCanonicalId ?? account.canonicalUserId;
  const grants: FakeGrant[] = [{ grantee: { type: 'CanonicalUser', id: owner }, permission: 'FULL_CONTROL' }, ...(bucket.aclGrants ?? [])];
  return xmlOk(
    `<AccessControlPolicy xmlns="${S3_NS}"><Owner><ID>${owner}</ID></Owner><AccessControlList>${grants.map(grantXml).join('')}</AccessControlList></AccessControlPolicy>`,
  );
}

function encryption(bucket: FakeBucket): FakeResponse {
  if (bucket.encryption === null) {
    return s3Error('ServerSideEncryptionConfigurationNotFoundError', 404, 'The server side encryption configuration was not found', { BucketName: bucket.name });
  }
  const config = bucket.encryption ?? { algorithm: 'AES256', bucketKeyEnabled: false };
  const key = config.kmsKeyId ? `<KMSMasterKeyID>${xmlEscape(config.kmsKeyId)}</KMSMasterKeyID>` : '';
  return xmlOk(
    `<ServerSideEncryptionConfiguration xmlns="${S3_NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${config.algorithm}</SSEAlgorithm>${key}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>${config.bucketKeyEnabled === true}</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>`,
  );
}

const METRICS_PAGE = 100;

function metrics(bucket: FakeBucket, query: URLSearchParams): FakeResponse {
  const all = bucket.metrics ?? [];
  const start = query.has('continuation-token') ? Number(query.get('continuation-token')) : 0;
  const page = all.slice(start, start + METRICS_PAGE);
  const more = start + METRICS_PAGE < all.length;
  const items = page
    .map((config) => {
      const filter = config.prefix !== undefined ? `<Filter><Prefix>${xmlEscape(config.prefix)}</Prefix></Filter>` : '';
      return `<MetricsConfiguration><Id>${xmlEscape(config.id)}</Id>${filter}</MetricsConfiguration>`;
    })
    .join('');
  const token = query.has('continuation-token') ? `<ContinuationToken>${start}</ContinuationToken>` : '';
  const next = more ? `<NextContinuationToken>${start + METRICS_PAGE}</NextContinuationToken>` : '';
  return xmlOk(`<ListMetricsConfigurationsResult xmlns="${S3_NS}"><IsTruncated>${more}</IsTruncated>${token}${next}${items}</ListMetricsConfigurationsResult>`);
}
