/**
 * Occupation lines for the deputy roster. The `sector` tag says which sector station
 * (行业联络站) a deputy with that job may also join.
 */
import type { StationSector } from '../../typings/models';
import type { Random } from './prng';

export interface Occupation {
  line: string;
  sector?: StationSector;
}

const tag = (sector: StationSector | undefined, lines: string[]): Occupation[] => lines.map((line) => (sector ? { line, sector } : { line }));

/** Jobs of district deputies at community stations: the people next door. */
const GRASSROOTS: readonly Occupation[] = [
  ...tag('education', ['中学高级教师', '小学校长', '幼儿园园长', '中学德育处主任', '小学语文教师', '特殊教育学校教师']),
  ...tag('health', ['社康中心全科医生', '医院主任医师', '医院护士长', '中医院针灸科医师', '社康中心主任', '药店执业药师']),
  ...tag('law', ['律师事务所主任律师', '律师事务所合伙人', '公证处公证员', '人民调解委员会主任', '法律援助律师']),
  ...tag('enterprise', ['电子元器件企业董事长', '餐饮连锁企业总经理', '商贸公司负责人', '物业服务企业总经理', '建筑企业项目经理', '银行支行行长', '跨境电商企业负责人']),
  ...tag('technology', ['科技公司创始人', '软件企业研发总监', '集成电路设计企业工程师', '互联网企业产品经理', '新能源企业技术负责人', '人工智能企业算法工程师']),
  ...tag(undefined, [
    '环卫工人',
    '公交车驾驶员',
    '快递员',
    '外卖骑手',
    '社区民警',
    '消防救援站站长',
    '退休干部',
    '个体工商户',
    '社工机构负责人',
    '出租车驾驶员',
    '社区网格员',
    '农贸市场经营户',
    '楼栋长',
    '老年协会会长',
    '物业保安员',
    '家政服务员',
  ]),
];

/** Jobs of national and provincial deputies living in the district. */
const TOP_LEVEL: readonly Occupation[] = [
  ...tag('technology', ['科技集团董事长', '集成电路企业首席技术官']),
  ...tag('health', ['医院院长、主任医师']),
  ...tag('education', ['大学教授', '中学校长']),
  ...tag('law', ['律师事务所主任']),
  ...tag('enterprise', ['金融控股公司总经理', '电子信息企业董事长']),
  ...tag(undefined, ['快递企业快递员', '环卫工人班长']),
];

/** Jobs of municipal deputies elected by the district congress. */
const MUNICIPAL: readonly Occupation[] = [
  ...tag('education', ['中学校长', '区教师发展中心研修员']),
  ...tag('health', ['医院副院长', '妇幼保健院主任医师']),
  ...tag('law', ['律师事务所合伙人', '基层法律服务所主任']),
  ...tag('enterprise', ['电子商会会长', '商业集团总经理', '港资企业负责人']),
  ...tag('technology', ['科技企业总裁', '软件企业董事长']),
  ...tag(undefined, ['社区党委书记', '公交公司车队长', '退役军人服务站站长']),
];

/**
 * Deals occupations like cards: every line comes up once before any repeats, so the
 * roster is varied and every sector gets enough deputies to staff its station.
 */
export function createOccupationDeck(pool: readonly Occupation[], random: Random): () => Occupation {
  let deck: Occupation[] = [];
  return () => {
    if (deck.length === 0) deck = random.shuffle(pool);
    return deck.pop() as Occupation;
  };
}

export const OCCUPATION_POOLS = { grassroots: GRASSROOTS, topLevel: TOP_LEVEL, municipal: MUNICIPAL } as const;

/** The first deputy of every community station is its community's party secretary. */
export function communitySecretary(street: string, community: string): Occupation {
  return { line: `${street}${community}社区党委书记` };
}

/** Former urban villages have a shareholding company whose chair is often a deputy. */
export function villageCompanyChair(community: string): Occupation {
  return { line: `${community}股份合作公司董事长`, sector: 'enterprise' };
}

/** 003: the street deputy office is headed by the street's deputy party secretary. */
export function streetDeputySecretary(street: string): Occupation {
  return { line: `${street}党工委副书记` };
}
