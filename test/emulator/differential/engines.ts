import { Query } from 'mingo';
import { compileFilter } from '../../../emulator/database/matcher';
import { compileProjection } from '../../../emulator/database/projection';
import { parseSort, sortDocs } from '../../../emulator/database/sort';
import { applyUpdate, parseUpdate } from '../../../emulator/database/update-operators';
import { copy, type Doc } from './generate';

/**
 * The two engines the differential test compares, behind one shape: the emulator's own
 * matcher, update operators, projection and sort, and mingo's (the library the emulator already
 * runs aggregation expressions on). Each call works on copies; a refusal is a thrown error.
 */
export interface Engine {
  matches(filter: Doc, doc: Doc): boolean;
  update(doc: Doc, update: Doc): Doc;
  project(doc: Doc, projection: Doc): Doc;
  /** The `_id`s in sorted order. */
  sort(docs: Doc[], spec: Record<string, 1 | -1>): unknown[];
}

export const emulator: Engine = {
  matches: (filter, doc) => compileFilter(filter)(doc),
  update(doc, update) {
    const next = copy(doc);
    applyUpdate(next, parseUpdate(update), { inserting: false, now: 0 });
    return next;
  },
  project(doc, projection) {
    const project = compileProjection(projection);
    return project ? project(doc) : doc;
  },
  sort: (docs, spec) =>
    sortDocs(
      docs.map((doc) => ({ doc })),
      parseSort(spec),
    ).map((item) => item.doc._id),
};

const { updateObject } = require('mingo/updater') as { updateObject: (obj: Doc, expr: Doc, arrayFilters?: Doc[], condition?: Doc, options?: object) => string[] };
const MINGO_OPTIONS = { useStrictMode: true, idKey: '_id' };

export const mingo: Engine = {
  matches: (filter, doc) => new Query(filter, MINGO_OPTIONS).test(doc),
  update(doc, update) {
    const next = copy(doc);
    // mingo 6 takes one operator per call; MongoDB applies them as one update.
    for (const [operator, fields] of Object.entries(update)) updateObject(next, { [operator]: fields }, [], {}, { cloneMode: 'deep' });
    return next;
  },
  project: (doc, projection) => new Query({}, MINGO_OPTIONS).find([copy(doc)], projection).next() as Doc,
  sort: (docs, spec) => (new Query({}, MINGO_OPTIONS).find(copy(docs)).sort(spec).all() as Doc[]).map((doc) => doc._id),
};
