/**
 * The deputy roster and where each deputy is stationed (驻站).
 *
 * Shape, after `004`: every community station serves 3–5 deputies of its constituency;
 * the street station gathers the street's higher-level deputies plus the community party
 * secretaries and some others; sector stations take deputies of their profession from all
 * over the district. Nobody is stationed at more than two stations.
 */
import type { Deputy, DeputyLevel, StationSector } from '../../typings/models';
import type { Random } from './prng';
import { DEMO_DEPUTY_ID, DEMO_STREET } from './demo-accounts';
import { communityStationId, deputyId, sectorStationId, streetStationId } from './ids';
import { communitySecretary, createOccupationDeck, OCCUPATION_POOLS, streetDeputySecretary, villageCompanyChair, type Occupation } from './occupations';
import { SECTORS } from './sectors';
import { STREETS, type StreetSeed } from './streets';

/**
 * Higher-level deputies living in the district, dealt out to the street stations. A district
 * of ~1.5 million has a few national, some provincial and more municipal deputies; district
 * deputies are the bulk. Township deputies do not exist in an urban district.
 */
const HIGHER_LEVELS: readonly DeputyLevel[] = [
  ...Array<DeputyLevel>(3).fill('national'),
  ...Array<DeputyLevel>(7).fill('provincial'),
  ...Array<DeputyLevel>(14).fill('municipal'),
];

export const MAX_STATIONS_PER_DEPUTY = 2;

/** How the roster names the congress and constituency a deputy was elected by. */
function delegationLine(level: DeputyLevel, street: StreetSeed): string {
  switch (level) {
    case 'national':
      return '第十四届全国人大 广东代表团';
    case 'provincial':
      return '广东省第十四届人大 深圳代表团';
    case 'municipal':
      return '深圳市第七届人大 福田代表团';
    case 'district':
    case 'township': // never generated: an urban district has no townships
      return `福田区第八届人大 ${street.short}选区`;
  }
}

interface Draft {
  name: string;
  level: DeputyLevel;
  delegation: string;
  occupation: Occupation;
  stationIds: string[];
}

/** Streets in roster order: the demo street first, so its party secretary becomes dp-001. */
function streetsInRosterOrder(): StreetSeed[] {
  return [...STREETS].sort((a, b) => Number(b.name === DEMO_STREET) - Number(a.name === DEMO_STREET));
}

export function buildDeputies(random: Random, nextName: () => string, createdAt: Date): Deputy[] {
  const drafts: Draft[] = [];
  const grassroots = createOccupationDeck(OCCUPATION_POOLS.grassroots, random);
  const topLevel = createOccupationDeck(OCCUPATION_POOLS.topLevel, random);
  const municipal = createOccupationDeck(OCCUPATION_POOLS.municipal, random);
  const higherLevels = random.shuffle(HIGHER_LEVELS);
  const streets = streetsInRosterOrder();

  const draft = (level: DeputyLevel, street: StreetSeed, occupation: Occupation, stationIds: string[]): Draft => {
    const d: Draft = { name: nextName(), level, delegation: delegationLine(level, street), occupation, stationIds };
    drafts.push(d);
    return d;
  };

  streets.forEach((street, streetIndex) => {
    const streetId = streetStationId(street);

    street.communities.forEach((community, index) => {
      const stationId = communityStationId(street, index);
      const size = random.int(3, 5);
      for (let seat = 0; seat < size; seat++) {
        if (seat === 0) {
          // The party secretary also sits on the street station's roster.
          draft('district', street, communitySecretary(street.name, community.name), [stationId, streetId]);
          continue;
        }
        const level: DeputyLevel = random.chance(0.08) ? 'municipal' : 'district';
        const occupation = seat === 1 && community.village ? villageCompanyChair(community.name) : level === 'municipal' ? municipal() : grassroots();
        const stationIds = random.chance(0.3) ? [stationId, streetId] : [stationId];
        draft(level, street, occupation, stationIds);
      }
    });

    draft('district', street, streetDeputySecretary(street.name), [streetId]);
    // Deal the higher-level deputies round-robin, so every street gets two or three.
    higherLevels.filter((_, i) => i % streets.length === streetIndex).forEach((level) => draft(level, street, level === 'municipal' ? municipal() : topLevel(), [streetId]));
  });

  joinSectorStations(drafts, random);

  return drafts.map((d, i) => ({
    _id: deputyId(i + 1),
    name: d.name,
    level: d.level,
    delegation: d.delegation,
    occupation: d.occupation.line,
    stationIds: d.stationIds,
    createdAt,
  }));
}

/**
 * Each sector station takes four to six deputies of its profession who are not yet at two
 * stations, at most one from any one home station: a station never loses all its deputies
 * to the sector stations on the unified reception day.
 */
function joinSectorStations(drafts: Draft[], random: Random): void {
  for (const sector of SECTORS) {
    const stationId = sectorStationId(sector);
    const wanted = random.int(4, 6);
    const homesTaken = new Set<string>();
    const candidates = random.shuffle(drafts.filter((d) => isCandidate(d, sector.sector)));
    for (const d of candidates) {
      if (homesTaken.size >= wanted) break;
      if (homesTaken.has(d.stationIds[0])) continue;
      homesTaken.add(d.stationIds[0]);
      d.stationIds.push(stationId);
    }
    if (homesTaken.size < 3) throw new Error(`only ${homesTaken.size} deputies for ${sector.name}`);
  }
}

function isCandidate(d: Draft, sector: StationSector): boolean {
  return d.occupation.sector === sector && d.stationIds.length < MAX_STATIONS_PER_DEPUTY;
}

/** Guards the fixed demo id: the README promises that dp-001 is a 华富 street-station deputy. */
export function assertDemoDeputy(deputies: Deputy[]): Deputy {
  const demo = deputies.find((d) => d._id === DEMO_DEPUTY_ID);
  const demoStreetStation = streetStationId(STREETS.find((s) => s.name === DEMO_STREET) as StreetSeed);
  if (!demo || !demo.stationIds.includes(demoStreetStation)) {
    throw new Error(`${DEMO_DEPUTY_ID} must be stationed at ${demoStreetStation}`);
  }
  return demo;
}
