/**
 * Made-up Chinese personal names. Built from common surnames and given-name characters so
 * the demo never prints a real person's name on purpose; a chance match with a real,
 * ordinary name is unavoidable with names this common.
 */
import type { Random } from './prng';

/** Weighted towards surnames common in Guangdong: the list repeats the frequent ones. */
const SURNAMES: readonly string[] = [...'陈陈陈黄黄林林李李张张梁梁刘刘吴何郑罗谢钟曾邓许叶蔡冯彭杨廖赖温邱卢潘朱周王胡陆苏徐谭江麦袁余杜方熊严魏唐郭马龙萧欧'];

const NEUTRAL_FIRST = [...'晓子文志嘉俊雨思佳家宇梓明海立永建春秋少小锦'];
const MASCULINE = [...'伟强军杰涛斌华明辉勇国峰磊鹏浩宇晨博凯亮健波荣新东锋毅振宏德林森平彬'];
const FEMININE = [...'芳丽娟敏静燕红霞玲颖洁婷慧琳欣雪梅萍莉倩雅丹怡蕾薇彤岚瑶'];

function givenName(random: Random): string {
  const pool = random.chance(0.5) ? MASCULINE : FEMININE;
  if (random.chance(0.25)) return random.pick(pool);
  const first = random.pick(random.chance(0.5) ? NEUTRAL_FIRST : pool);
  let second = random.pick(pool);
  while (second === first) second = random.pick(pool);
  return first + second;
}

/** Hands out names without repeats, so no two people on a roster are confusable. */
export function createNameSource(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = random.pick(SURNAMES) + givenName(random);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}
