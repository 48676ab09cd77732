import { alikeness, mostAlike, textOverlap, textsAlike, textWords, type SimilarCandidate } from './join.similar';
import { isJoinable, publicConsentOf, seesJoinNotes } from './join.rules';
import { joinSettings } from './join.settings';

describe('two texts are alike when they share enough words (Chinese: character bigrams)', () => {
  // Written by hand: what a resident would call "the same problem".
  it.each([
    ['12栋楼道灯坏了', '楼道灯不亮', true],
    ['3号楼楼道灯不亮', '12栋楼道灯坏了好几天', true],
    ['小区路灯不亮，晚上很黑', '路灯不亮', true],
    ['垃圾分类', '12栋楼道灯坏了', false],
    ['小区垃圾没人清理', '小区路灯坏了', false],
    ['电梯经常停运', '电梯停运', true],
    ['WiFi 信号差', 'wifi信号不好', true],
    ['', '楼道灯不亮', false],
    ['问题反映', '问题反映', false],
  ])('%s / %s → %s', (a, b, alike) => {
    expect(textsAlike(a, b)).toBe(alike);
  });

  it('counts bigrams of each run of Chinese characters, drops digits and filler words', () => {
    expect([...textWords('12栋楼道灯坏了')].sort()).toEqual(['坏了', '栋楼', '楼道', '灯坏', '道灯'].sort());
    expect([...textWords('反映问题')]).toEqual(['映问']);
    expect(textOverlap('12栋楼道灯坏了', '楼道灯不亮')).toEqual({ shared: 2, overlap: 0.5 });
  });
});

const HERE = { latitude: 22.5515, longitude: 114.0775 };
/** About 111 m north per 0.001 degree of latitude. */
const north = (metres: number) => ({ latitude: HERE.latitude + metres / 111_195, longitude: HERE.longitude });

const candidate = (id: string, fields: Partial<SimilarCandidate> = {}): SimilarCandidate => ({
  id,
  category: 'help',
  title: '垃圾清运不及时',
  joinCount: 0,
  submittedAt: new Date('2026-11-01T00:00:00Z'),
  ...fields,
});

describe('nearby: the same category within 500 m when both have a location', () => {
  it.each([
    ['same category, 300 m', 'help', 300, true],
    ['same category, 490 m', 'help', 490, true],
    ['same category, 600 m', 'help', 600, false],
    ['other category, 100 m', 'complaint', 100, false],
  ])('%s', (_name, category, metres, alike) => {
    const found = alikeness({ category, text: '', point: HERE }, candidate('c', { point: north(metres as number) }));
    expect(!!found).toBe(alike);
  });

  it('without a location on either side, only words count', () => {
    expect(alikeness({ category: 'help', text: '' }, candidate('c', { point: north(10) }))).toBeUndefined();
    expect(alikeness({ category: 'help', text: '', point: HERE }, candidate('c'))).toBeUndefined();
  });

  it('says the distance in whole metres', () => {
    expect(alikeness({ category: 'help', text: '', point: HERE }, candidate('c', { point: north(300) }))?.distance).toBe(300);
  });
});

describe('most alike first, at most five', () => {
  it('orders by likeness, then 附议, and cuts at five', () => {
    const probe = { category: 'help', text: '楼道灯坏了', point: HERE };
    const found = mostAlike(probe, [
      candidate('far-words', { title: '楼道灯坏了', point: north(5000) }),
      candidate('near-and-words', { title: '楼道灯坏了', point: north(50) }),
      candidate('near-only', { point: north(100) }),
      candidate('unlike', { title: '噪音扰民', category: 'complaint', point: north(50) }),
      ...['a', 'b', 'c', 'd'].map((id, i) => candidate(`near-${id}`, { point: north(400), joinCount: i })),
    ]);
    expect(found.map((f) => f.candidate.id)).toEqual(['near-and-words', 'far-words', 'near-only', 'near-d', 'near-c']);
  });
});

describe('who is public, joinable and reads the notes', () => {
  it.each([
    [{}, true],
    [{ public: true }, true],
    [{ public: false }, false],
    [{ anonymous: true }, false],
    [{ anonymous: true, public: true }, false],
  ])('consent of %j is %s', (submission, consent) => {
    expect(publicConsentOf(submission)).toBe(consent);
  });

  const at = new Date('2026-11-02T00:00:00Z');
  it.each([
    ['accepted, consented', { status: 'accepted', acceptedAt: at, publicConsent: true, anonymous: false }, true],
    ['replied, consented', { status: 'replied', acceptedAt: at, publicConsent: true, anonymous: false }, true],
    ['submitted (not accepted yet)', { status: 'submitted', publicConsent: true, anonymous: false }, false],
    ['closed', { status: 'closed', acceptedAt: at, publicConsent: true, anonymous: false }, false],
    ['rejected', { status: 'rejected', publicConsent: true, anonymous: false }, false],
    ['without consent', { status: 'accepted', acceptedAt: at, publicConsent: false, anonymous: false }, false],
    ['stored before the choice existed', { status: 'accepted', acceptedAt: at, anonymous: false }, false],
    ['anonymous', { status: 'accepted', acceptedAt: at, publicConsent: true, anonymous: true }, false],
  ] as const)('%s → %s', (_name, facts, joinable) => {
    expect(isJoinable(facts)).toBe(joinable);
  });

  it.each([
    [{ role: 'officer' }, {}, true],
    [{ role: 'admin' }, {}, true],
    [{ role: 'deputy', deputyId: 'dp-1' }, { assignedDeputyId: 'dp-1' }, true],
    [{ role: 'deputy', deputyId: 'dp-1' }, { assignedDeputyId: 'dp-2' }, false],
    [{ role: 'deputy', deputyId: 'dp-1' }, {}, false],
    [{ role: 'resident' }, {}, false],
  ])('%j reading a case assigned %j → %s', (reader, state, sees) => {
    expect(seesJoinNotes(reader, state)).toBe(sees);
  });
});

describe('settings (config/joins.json) are checked when the function starts', () => {
  const good = { joinsPerDay: 20, searchesPerMinute: 30, joinersNotified: 200, searchCandidates: 200 };
  it('accepts whole numbers in range', () => expect(joinSettings(good)).toEqual(good));
  it.each([[{ ...good, joinsPerDay: 0 }], [{ ...good, joinersNotified: 1.5 }], [{ ...good, searchesPerMinute: '30' }], [{ joinsPerDay: 20 }]])('refuses %j', (config) =>
    expect(() => joinSettings(config)).toThrow(/config\/joins.json/),
  );
});
