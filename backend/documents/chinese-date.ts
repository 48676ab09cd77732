/** 'YYYY-MM-DD' as written in Chinese documents: '2026-11-02' → '2026年11月2日'. */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
