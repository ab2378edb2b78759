// The zones we know by abbreviation or by name, with their offsets in minutes east of UTC.
//
// Abbreviations are not unique worldwide. We pick the reading most likely in an English-language
// incident report and say so here:
// - IST = India Standard Time (+05:30), not Irish Standard Time (+01:00) or Israel (+02:00).
// - BST = British Summer Time (+01:00), not Bangladesh Standard Time (+06:00).
// - CST = US Central Standard Time (-06:00), not China Standard Time (+08:00).
// - AST = Atlantic Standard Time (-04:00), not Arabia Standard Time (+03:00).
// Generic names that do not say standard or daylight (PT, ET, CT, MT, "Pacific Time") carry the
// standard offset and `ambiguousDst: true`.

export interface ZoneInfo {
  abbreviation: string;
  offsetMinutes: number;
  ambiguousDst?: boolean;
  /**
   * Also an English word or a common acronym (CAT, EAT, WET, PT, ET, Z...): read on its own only
   * in a zone position (after a time, in parentheses, after "in" or "times").
   */
  weak?: boolean;
}

function zone(abbreviation: string, offsetMinutes: number, extra: Partial<ZoneInfo> = {}): ZoneInfo {
  return { abbreviation, offsetMinutes, ...extra };
}

export const ABBREVIATIONS: ReadonlyMap<string, ZoneInfo> = new Map(
  [
    zone('UTC', 0), zone('GMT', 0),
    zone('PST', -480), zone('PDT', -420), zone('PT', -480, { ambiguousDst: true, weak: true }),
    zone('MST', -420), zone('MDT', -360), zone('MT', -420, { ambiguousDst: true, weak: true }),
    zone('CST', -360), zone('CDT', -300), zone('CT', -360, { ambiguousDst: true, weak: true }),
    zone('EST', -300), zone('EDT', -240), zone('ET', -300, { ambiguousDst: true, weak: true }),
    zone('AST', -240, { weak: true }), zone('ADT', -180),
    zone('AKST', -540), zone('AKDT', -480), zone('HST', -600), zone('HDT', -540),
    zone('BST', 60), zone('IST', 330, { weak: true }),
    zone('WET', 0, { weak: true }), zone('WEST', 60, { weak: true }),
    zone('CET', 60), zone('CEST', 120), zone('EET', 120), zone('EEST', 180),
    zone('WAT', 60), zone('CAT', 120, { weak: true }), zone('EAT', 180, { weak: true }), zone('SAST', 120),
    zone('MSK', 180), zone('JST', 540), zone('KST', 540),
    zone('SGT', 480, { weak: true }), zone('HKT', 480),
    zone('AWST', 480), zone('ACST', 570), zone('AEST', 600), zone('AEDT', 660),
    zone('NZST', 720), zone('NZDT', 780),
  ]
    .map((z): [string, ZoneInfo] => [z.abbreviation.toLowerCase(), z])
    // "Z" (Zulu, ISO 8601) is UTC; on its own it is just a letter, hence weak.
    .concat([['z', zone('UTC', 0, { weak: true })]]),
);

/** Abbreviations read in any letter case ("Gmt", "utc"); all others must be written in capitals. */
export const ANY_CASE_ABBREVIATIONS = new Set(['utc', 'gmt']);

export interface ZoneNameCore {
  /** Used with no "standard"/"daylight", or with "standard"/"mean". */
  standard: ZoneInfo;
  /** Used with "daylight"/"summer"; absent for zones without daylight saving. */
  daylight?: ZoneInfo;
  /** Read as a zone even without a trailing "time"/"timezone" ("Greenwich", "Greenwitch"). */
  standsAlone?: boolean;
  /** Written with neither "standard" nor "daylight": "Pacific Time" is PT, not PST. */
  generic?: ZoneInfo;
  /** After a clock time, the bare capitalised word is enough ("9:00 AM Pacific"). */
  bareAfterTime?: boolean;
}

function usCore(std: string, dst: string, generic: string, offset: number): ZoneNameCore {
  return {
    standard: zone(std, offset),
    daylight: zone(dst, offset + 60),
    generic: zone(generic, offset, { ambiguousDst: true }),
    bareAfterTime: true,
  };
}

const US_PACIFIC = usCore('PST', 'PDT', 'PT', -480);
const US_MOUNTAIN = usCore('MST', 'MDT', 'MT', -420);
const US_CENTRAL = usCore('CST', 'CDT', 'CT', -360);
const US_EASTERN = usCore('EST', 'EDT', 'ET', -300);
const CENTRAL_EUROPE: ZoneNameCore = { standard: zone('CET', 60), daylight: zone('CEST', 120) };
const EASTERN_EUROPE: ZoneNameCore = { standard: zone('EET', 120), daylight: zone('EEST', 180) };
const WESTERN_EUROPE: ZoneNameCore = { standard: zone('WET', 0), daylight: zone('WEST', 60) };
const GREENWICH: ZoneNameCore = { standard: zone('GMT', 0), standsAlone: true };
const UNIVERSAL: ZoneNameCore = { standard: zone('UTC', 0) };
const WEST_AFRICA: ZoneNameCore = { standard: zone('WAT', 60) };
const EAST_AFRICA: ZoneNameCore = { standard: zone('EAT', 180) };
const CENTRAL_AFRICA: ZoneNameCore = { standard: zone('CAT', 120) };
const SOUTH_AFRICA: ZoneNameCore = { standard: zone('SAST', 120) };
const AUSTRALIA_EAST: ZoneNameCore = { standard: zone('AEST', 600), daylight: zone('AEDT', 660) };
const NEW_ZEALAND: ZoneNameCore = { standard: zone('NZST', 720), daylight: zone('NZDT', 780) };

/** Name cores, as lower-case word sequences. A name is a core + modifier + "time"/"timezone". */
export const NAME_CORES: ReadonlyMap<string, ZoneNameCore> = new Map<string, ZoneNameCore>([
  ['pacific', US_PACIFIC], ['mountain', US_MOUNTAIN], ['central', US_CENTRAL], ['eastern', US_EASTERN],
  ['us pacific', US_PACIFIC], ['us mountain', US_MOUNTAIN], ['us central', US_CENTRAL], ['us eastern', US_EASTERN],
  ['alaska', { standard: zone('AKST', -540), daylight: zone('AKDT', -480) }],
  ['alaskan', { standard: zone('AKST', -540), daylight: zone('AKDT', -480) }],
  ['hawaii', { standard: zone('HST', -600) }], ['hawaiian', { standard: zone('HST', -600) }],
  ['atlantic', { standard: zone('AST', -240), daylight: zone('ADT', -180) }],
  ['central european', CENTRAL_EUROPE], ['central europe', CENTRAL_EUROPE],
  ['eastern european', EASTERN_EUROPE], ['eastern europe', EASTERN_EUROPE],
  ['western european', WESTERN_EUROPE], ['west european', WESTERN_EUROPE],
  ['british', { standard: zone('GMT', 0), daylight: zone('BST', 60) }],
  ['greenwich', GREENWICH], ['greenwitch', GREENWICH], ['greenwich mean', GREENWICH], ['greenwitch mean', GREENWICH],
  ['coordinated universal', UNIVERSAL], ['universal', UNIVERSAL],
  ['west africa', WEST_AFRICA], ['west african', WEST_AFRICA], ['western africa', WEST_AFRICA], ['western african', WEST_AFRICA],
  ['west central africa', WEST_AFRICA], ['west central african', WEST_AFRICA],
  ['east africa', EAST_AFRICA], ['east african', EAST_AFRICA], ['eastern africa', EAST_AFRICA], ['eastern african', EAST_AFRICA],
  ['central africa', CENTRAL_AFRICA], ['central african', CENTRAL_AFRICA],
  ['south africa', SOUTH_AFRICA], ['south african', SOUTH_AFRICA],
  ['india', { standard: zone('IST', 330) }], ['indian', { standard: zone('IST', 330) }],
  ['japan', { standard: zone('JST', 540) }], ['japanese', { standard: zone('JST', 540) }],
  ['korea', { standard: zone('KST', 540) }], ['korean', { standard: zone('KST', 540) }],
  ['singapore', { standard: zone('SGT', 480) }], ['hong kong', { standard: zone('HKT', 480) }],
  ['moscow', { standard: zone('MSK', 180) }],
  ['australian eastern', AUSTRALIA_EAST], ['australian east', AUSTRALIA_EAST],
  ['new zealand', NEW_ZEALAND],
]);

/** The generic (DST-ambiguous) reading of a core written without "standard"/"daylight". */
export function genericZone(core: ZoneNameCore): ZoneInfo {
  if (core.generic !== undefined) return core.generic;
  if (core.daylight !== undefined) return { ...core.standard, ambiguousDst: true };
  return core.standard;
}

/** Longest core, in words; bounds the lookahead of the name reader. */
export const MAX_CORE_WORDS = 3;

/** First words of all cores: most words are not, and the name reader stops there at once. */
export const CORE_FIRST_WORDS: ReadonlySet<string> = new Set([...NAME_CORES.keys()].map((key) => key.split(' ')[0]!));
