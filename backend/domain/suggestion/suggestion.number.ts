/** 建议编号: '福田〔2026〕第12号' — the district's short name, the year of acceptance, a number per district and year. */

/** '福田区' → '福田': the short name official numbers use (a name of two characters stays whole). */
export function districtShortName(district: string): string {
  return [...district].length > 2 ? district.replace(/[区县市]$/, '') : district;
}

export function suggestionNumber(district: string, year: number, seq: number): string {
  return `${districtShortName(district)}〔${year}〕第${seq}号`;
}
