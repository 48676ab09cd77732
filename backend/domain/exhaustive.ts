/**
 * Compile-time checks that a constant list names every member of a union declared in
 * typings/. Pair with `as const satisfies readonly U[]` on the list (which refuses names
 * outside the union): together the list and the contract cannot drift apart.
 *
 *   export type StatusesListed = Assert<ListsEvery<typeof CASE_STATUSES, CaseStatus>>;
 *
 * A missing member fails `tsc` with `{ missing: 'the_member' }` in the message.
 */
export type ListsEvery<List extends readonly unknown[], Union> = [Exclude<Union, List[number]>] extends [never] ? true : { missing: Exclude<Union, List[number]> };

export type Assert<T extends true> = T;
