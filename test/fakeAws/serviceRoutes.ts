import type { FakeAccount, FakeOperation, FakeTrail } from './scenario';
import type { FakeRequest } from './s3Routes';
import { jsonError, jsonOk, requestId, xmlEscape, type FakeResponse } from './wire';

export const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/**
 * The JSON 1.1 target prefix the installed CloudTrail client sends (checked against the real client
 * in test/fakeAws/fakeServer.test.ts); the long form is what older SDKs sent.
 */
export const CLOUDTRAIL_TARGET_PREFIXES = ['CloudTrail_20131101.', 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.'];

/** STS and IAM speak the query protocol: form-encoded POST with Action=…, told apart by the signed service. */
export function queryOperationOf(request: FakeRequest): FakeOperation | undefined {
  if (request.method !== 'POST' || request.path !== '/') return undefined;
  const form = new URLSearchParams(request.body);
  const action = form.get('Action');
  if (request.service === 'sts' && action === 'GetCallerIdentity' && form.get('Version') === '2011-06-15') return 'GetCallerIdentity';
  if (request.service === 'iam' && action === 'ListAccountAliases' && form.get('Version') === '2010-05-08') return 'ListAccountAliases';
  return undefined;
}

export function cloudTrailOperationOf(request: FakeRequest): FakeOperation | undefined {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || typeof target !== 'string' || request.service !== 'cloudtrail') return undefined;
  const prefix = CLOUDTRAIL_TARGET_PREFIXES.find((candidate) => target.startsWith(candidate));
  if (!prefix) return undefined;
  const name = target.slice(prefix.length);
  return name === 'DescribeTrails' || name === 'GetTrailStatus' || name === 'GetEventSelectors' ? name : undefined;
}

export function answerQuery(account: FakeAccount, operation: FakeOperation): FakeResponse {
  if (operation === 'GetCallerIdentity') {
    const arn = account.callerArn ?? `arn:aws:sts::${account.accountId}:assumed-role/Auditor/session`;
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: `<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult><Arn>${xmlEscape(arn)}</Arn><UserId>AROAFAKE:session</UserId><Account>${account.accountId}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    };
  }
  const aliases = (account.aliases ?? []).map((alias) => `<member>${xmlEscape(alias)}</member>`).join('');
  return {
    status: 200,
    headers: { 'content-type': 'text/xml' },
    body: `<ListAccountAliasesResponse xmlns="${IAM_NS}"><ListAccountAliasesResult><IsTruncated>false</IsTruncated><AccountAliases>${aliases}</AccountAliases></ListAccountAliasesResult><ResponseMetadata><RequestId>${requestId()}</RequestId></ResponseMetadata></ListAccountAliasesResponse>`,
  };
}

export function trailArn(account: FakeAccount, trail: FakeTrail): string {
  return `arn:aws:cloudtrail:${trail.homeRegion}:${trail.accountId ?? account.accountId}:trail/${trail.name}`;
}

export function answerCloudTrail(account: FakeAccount, request: FakeRequest, operation: FakeOperation): FakeResponse {
  let input: Record<string, unknown>;
  try {
    input = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
  } catch {
    return jsonError('SerializationException', 'body is not JSON');
  }
  const trails = account.trails ?? [];
  if (operation === 'DescribeTrails') {
    const includeShadow = input.includeShadowTrails !== false;
    // A trail shows in its home region; multi-region and organization trails show in every region as shadows.
    const visible = trails.filter(
      (trail) => trail.homeRegion === request.region || (includeShadow && (trail.multiRegion === true || trail.organization === true)),
    );
    return jsonOk({
      trailList: visible.map((trail) => ({
        Name: trail.name,
        S3BucketName: 'trail-logs',
        IncludeGlobalServiceEvents: true,
        IsMultiRegionTrail: trail.multiRegion === true,
        HomeRegion: trail.homeRegion,
        TrailARN: trailArn(account, trail),
        LogFileValidationEnabled: true,
        HasCustomEventSelectors: Boolean(trail.eventSelectors || trail.advancedEventSelectors),
        HasInsightSelectors: false,
        IsOrganizationTrail: trail.organization === true,
      })),
    });
  }
  const wanted = String(operation === 'GetTrailStatus' ? input.Name : input.TrailName);
  const trail = trails.find((candidate) => trailArn(account, candidate) === wanted || (candidate.name === wanted && candidate.homeRegion === request.region));
  if (!trail) return jsonError('TrailNotFoundException', `Unknown trail: ${wanted} for the user: ${account.accountId}`);
  if (operation === 'GetTrailStatus') {
    return jsonOk({ IsLogging: trail.isLogging, LatestDeliveryTime: 1_700_000_000, StartLoggingTime: 1_600_000_000 });
  }
  if (trail.advancedEventSelectors) return jsonOk({ TrailARN: trailArn(account, trail), AdvancedEventSelectors: trail.advancedEventSelectors });
  return jsonOk({
    TrailARN: trailArn(account, trail),
    EventSelectors: trail.eventSelectors ?? [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  });
}
