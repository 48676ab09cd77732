/** Office lines in Shenzhen's format, 0755 and eight digits starting with 8. */
import type { Random } from './prng';

export function createPhoneSource(random: Random): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const phone = `0755-8${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
      if (!used.has(phone)) {
        used.add(phone);
        return phone;
      }
    }
  };
}
