/**
 * `aws:SourceIp` values: an IPv4 or IPv6 address with an optional prefix length. AWS counts a
 * policy that admits "very broad IP ranges" as public: anything broader than /8 for IPv4 or /32
 * for IPv6 (Amazon S3 User Guide, "The meaning of public", note on aws:SourceIp).
 */

export interface IpRange {
  version: 4 | 6;
  prefixLength: number;
}

export const WIDEST_NON_PUBLIC_PREFIX = { 4: 8, 6: 32 } as const;

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_OCTET.test(part));
}

function isIpv6(text: string): boolean {
  if (text.length === 0 || text.length > 45) return false;
  let body = text;
  let groupsFromIpv4 = 0;
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.')) {
    if (!isIpv4(body.slice(lastColon + 1))) return false;
    body = `${body.slice(0, lastColon + 1)}0`;
    groupsFromIpv4 = 1;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] | undefined => {
    if (half === '') return [];
    const groups = half.split(':');
    return groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group)) ? groups : undefined;
  };
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (!head || !tail) return false;
  const groupCount = head.length + tail.length + groupsFromIpv4;
  return halves.length === 2 ? groupCount <= 7 : groupCount === 8;
}

/** Parses `203.0.113.0/24`, `203.0.113.7`, `2001:db8::/48`; undefined when it is neither. */
export function parseIpRange(text: string): IpRange | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  const version: 4 | 6 | undefined = isIpv4(address) ? 4 : isIpv6(address) ? 6 : undefined;
  if (!version) return undefined;
  const maxLength = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { version, prefixLength: maxLength };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  return prefixLength <= maxLength ? { version, prefixLength } : undefined;
}

export function isTooBroadForAws(range: IpRange): boolean {
  return range.prefixLength < WIDEST_NON_PUBLIC_PREFIX[range.version];
}
