// Names people write for zones that are not IANA names: abbreviations (refused, with the zones
// they may mean), cities that have no zone of their own, and the zone of each RDS region (a
// likely zone for a time written without one).

/**
 * Abbreviations, each with the IANA zones it is used for, the likeliest first. All are refused:
 * several are ambiguous (CST is China, the US centre and Cuba), and one that is not still names
 * only half a year (EST in July is not New York's time).
 */
export const ABBREVIATIONS: Record<string, readonly string[]> = {
  CST: ['Asia/Shanghai', 'America/Chicago', 'America/Havana'],
  CDT: ['America/Chicago', 'America/Havana'],
  IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  BST: ['Europe/London', 'Asia/Dhaka'],
  AST: ['America/Halifax', 'Asia/Riyadh'],
  ADT: ['America/Halifax'],
  EST: ['America/New_York'],
  EDT: ['America/New_York'],
  MST: ['America/Denver', 'America/Phoenix'],
  MDT: ['America/Denver'],
  PST: ['America/Los_Angeles', 'Asia/Manila'],
  PDT: ['America/Los_Angeles'],
  AKST: ['America/Anchorage'],
  AKDT: ['America/Anchorage'],
  HST: ['Pacific/Honolulu'],
  GMT: ['Europe/London', 'UTC'],
  WET: ['Europe/Lisbon'],
  WEST: ['Europe/Lisbon'],
  CET: ['Europe/Berlin', 'Europe/Paris'],
  CEST: ['Europe/Berlin', 'Europe/Paris'],
  EET: ['Europe/Athens', 'Europe/Helsinki', 'Africa/Cairo'],
  EEST: ['Europe/Athens', 'Europe/Helsinki'],
  MSK: ['Europe/Moscow'],
  GST: ['Asia/Dubai', 'Atlantic/South_Georgia'],
  PKT: ['Asia/Karachi'],
  NPT: ['Asia/Kathmandu'],
  ICT: ['Asia/Bangkok', 'Asia/Ho_Chi_Minh'],
  WIB: ['Asia/Jakarta'],
  MYT: ['Asia/Kuala_Lumpur'],
  SGT: ['Asia/Singapore'],
  HKT: ['Asia/Hong_Kong'],
  PHT: ['Asia/Manila'],
  JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'],
  AWST: ['Australia/Perth'],
  ACST: ['Australia/Adelaide', 'Australia/Darwin'],
  AEST: ['Australia/Sydney', 'Australia/Brisbane'],
  AEDT: ['Australia/Sydney'],
  NZST: ['Pacific/Auckland'],
  NZDT: ['Pacific/Auckland'],
  SAST: ['Africa/Johannesburg'],
  WAT: ['Africa/Lagos'],
  CAT: ['Africa/Maputo'],
  EAT: ['Africa/Nairobi'],
  BRT: ['America/Sao_Paulo'],
  ART: ['America/Argentina/Buenos_Aires'],
};

/** Cities people look for that the tz database files under another city's zone. */
export const CITY_ZONES: Record<string, string> = {
  beijing: 'Asia/Shanghai',
  hangzhou: 'Asia/Shanghai',
  shenzhen: 'Asia/Shanghai',
  guangzhou: 'Asia/Shanghai',
  chengdu: 'Asia/Shanghai',
  qingdao: 'Asia/Shanghai',
  zhangjiakou: 'Asia/Shanghai',
  huhehaote: 'Asia/Shanghai',
  wulanchabu: 'Asia/Shanghai',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  new_delhi: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  san_francisco: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  silicon_valley: 'America/Los_Angeles',
  washington: 'America/New_York',
  boston: 'America/New_York',
  virginia: 'America/New_York',
  frankfurt: 'Europe/Berlin',
  munich: 'Europe/Berlin',
  osaka: 'Asia/Tokyo',
  sydney: 'Australia/Sydney',
};

/** Alibaba Cloud regions (the spec's `region` line) and the zone of the city each is in. */
const REGION_ZONES: [RegExp, string][] = [
  [/^cn-hongkong$/, 'Asia/Hong_Kong'],
  [/^cn-/, 'Asia/Shanghai'],
  [/^ap-southeast-1$/, 'Asia/Singapore'],
  [/^ap-southeast-2$/, 'Australia/Sydney'],
  [/^ap-southeast-3$/, 'Asia/Kuala_Lumpur'],
  [/^ap-southeast-5$/, 'Asia/Jakarta'],
  [/^ap-southeast-6$/, 'Asia/Manila'],
  [/^ap-southeast-7$/, 'Asia/Bangkok'],
  [/^ap-northeast-1$/, 'Asia/Tokyo'],
  [/^ap-northeast-2$/, 'Asia/Seoul'],
  [/^ap-south-1$/, 'Asia/Kolkata'],
  [/^us-west-1$/, 'America/Los_Angeles'],
  [/^us-east-1$/, 'America/New_York'],
  [/^eu-central-1$/, 'Europe/Berlin'],
  [/^eu-west-1$/, 'Europe/London'],
  [/^me-east-1$/, 'Asia/Dubai'],
  [/^me-central-1$/, 'Asia/Riyadh'],
];

export function zoneOfRegion(region: string): string | undefined {
  return REGION_ZONES.find(([re]) => re.test(region.toLowerCase()))?.[1];
}
