import type { Doc } from '../generate';
import { isDocument, reach } from '../shapes';
import { bsonType, containsNaN, get, hasDuplicates, onAbsentField, refusedAs, UPDATE_ERRORS } from './recognise';
import { REFUSED, type Departure } from './types';

/** Updates: where mingo's update operators depart from MongoDB's. */

export const UPDATES: Departure[] = [
  {
    id: 'refuse-field-in-scalar',
    area: 'update',
    rule: 'An update cannot create a field inside a scalar, or a named field inside an array: the whole update is refused',
    source: `${UPDATE_ERRORS}: PathNotViable (28), "Cannot create field 'x' in element {a: 1}"`,
    applies: refusedAs(/^Cannot create field/),
    examples: [{ input: { doc: { _id: 1, a: 1 }, update: { $set: { 'a.x': 2 } } }, mongodb: REFUSED }],
  },
  {
    id: 'refuse-conflicting-paths',
    area: 'update',
    rule: 'One update may not name a path and a path inside it (or the same path twice)',
    source: `${UPDATE_ERRORS}: ConflictingUpdateOperators (40), "Updating the path 'a.x' would create a conflict at 'a'"`,
    applies: refusedAs(/would create a conflict/),
    examples: [{ input: { doc: { _id: 1, a: { x: 1 } }, update: { $set: { a: 1 }, $inc: { 'a.x': 1 } } }, mongodb: REFUSED }],
  },
  {
    id: 'refuse-arithmetic-on-non-numbers',
    area: 'update',
    rule: '$inc and $mul need a number as argument and a number (or nothing) in the field; null, dates and strings are refused',
    source: 'MongoDB manual, $inc ("a field with a null value will generate an error") and $mul; TypeMismatch (14)',
    applies: refusedAs(/^Cannot (increment|multiply) with non-numeric|^Cannot apply \$(inc|mul) to a value of non-numeric type/),
    examples: [
      { input: { doc: { _id: 1, a: null }, update: { $inc: { a: 1 } } }, mongodb: REFUSED },
      { input: { doc: { _id: 1, a: 'x' }, update: { $mul: { a: 2 } } }, mongodb: REFUSED },
    ],
  },
  {
    id: 'refuse-array-operator-on-non-array',
    area: 'update',
    rule: '$push, $addToSet, $pull, $pullAll and $pop refuse a field that holds something other than an array',
    source: 'MongoDB manual, $push ("If the field is not an array, the operation will fail"), $addToSet, $pop',
    applies: refusedAs(/to a non-array value/),
    examples: [
      { input: { doc: { _id: 1, a: 'x' }, update: { $push: { a: 1 } } }, mongodb: REFUSED },
      { input: { doc: { _id: 1, a: false }, update: { $addToSet: { a: 1 } } }, mongodb: REFUSED },
    ],
  },
  {
    id: 'refuse-bit-on-non-integers',
    area: 'update',
    rule: '$bit works on integers only',
    source: 'MongoDB manual, $bit ("only works with integers")',
    applies: refusedAs(/^Cannot apply \$bit|\$bit operands|The \$bit modifier/),
    examples: [{ input: { doc: { _id: 1, a: 'b' }, update: { $bit: { a: { and: 0 } } } }, mongodb: REFUSED }],
  },
  {
    id: 'refuse-rename-misuse',
    area: 'update',
    rule: '$rename refuses a source or target inside an array, and a target that is the source or overlaps it',
    source: 'MongoDB manual, $rename ("does not work on embedded documents in arrays"); BadValue (2)',
    applies: refusedAs(/\$rename|field cannot be an array element/),
    examples: [{ input: { doc: { _id: 1, a: 1 }, update: { $rename: { a: 'a' } } }, mongodb: REFUSED }],
  },
  {
    id: 'absent-array-is-a-no-op',
    area: 'update',
    rule: '$pop, $pull and $pullAll on a field the document lacks change nothing',
    source: 'MongoDB manual, $pull and $pop: they only act on an existing array',
    applies: (d) => d.emulator.ok && !d.mingo.ok && onAbsentField(d, '$pop', '$pull', '$pullAll'),
    examples: [{ input: { doc: { _id: 1 }, update: { $pop: { a: 1 } } }, mongodb: { _id: 1 } }],
  },
  {
    id: 'add-to-set-keeps-duplicates',
    area: 'update',
    rule: '$addToSet adds each value unless it is already there (so $each with a value twice adds it once) and leaves duplicates already in the array alone',
    source: 'MongoDB manual, $addToSet: "does not affect existing duplicate elements"',
    applies: (d) =>
      d.emulator.ok &&
      d.mingo.ok &&
      Object.entries(((d.input.update as Doc).$addToSet ?? {}) as Doc).some(([path, arg]) => {
        const each = isDocument(arg) && Array.isArray(arg.$each) ? arg.$each : [arg];
        const current = get(d.input.doc as Doc, path);
        return hasDuplicates(each) || (Array.isArray(current) && hasDuplicates(current));
      }),
    examples: [{ input: { doc: { _id: 1, a: ['x', 'x'] }, update: { $addToSet: { a: { $each: ['y', 'y'] } } } }, mongodb: { _id: 1, a: ['x', 'x', 'y'] } }],
  },
  {
    id: 'push-sort-bson-order',
    area: 'update',
    rule: "$push's $sort orders mixed values by BSON comparison order (numbers < strings < documents < arrays < booleans < dates), documents field by field; sorting by a field, an element without it sorts as null",
    source: 'MongoDB manual, $sort (update modifier) and "Comparison/Sort Order"',
    applies: (d) =>
      d.emulator.ok &&
      d.mingo.ok &&
      Object.entries(((d.input.update as Doc).$push ?? {}) as Doc).some(([path, arg]) => {
        if (!isDocument(arg) || !('$sort' in arg)) return false;
        const current = get(d.input.doc as Doc, path);
        const values = [...(Array.isArray(current) ? current : []), ...(arg.$each as unknown[])];
        return new Set(values.map(bsonType)).size > 1 || values.some(isDocument) || isDocument(arg.$sort);
      }),
    examples: [
      { input: { doc: { _id: 1, a: [] }, update: { $push: { a: { $each: [true, 'b', 1], $sort: 1 } } } }, mongodb: { _id: 1, a: [1, 'b', true] } },
      {
        input: { doc: { _id: 1, a: [] }, update: { $push: { a: { $each: ['b', { x: new Date(0) }, { x: 3 }], $sort: -1 } } } },
        mongodb: { _id: 1, a: [{ x: new Date(0) }, { x: 3 }, 'b'] },
      },
    ],
  },
  {
    id: 'pull-condition-on-documents',
    area: 'update',
    rule: '$pull with field conditions ({$pull: {a: {x: 1}}}) only removes elements that are documents meeting them',
    source: 'MongoDB manual, $pull, "Remove Items from an Array of Documents": the condition applies to each element as though it were a top-level document',
    applies: (d) =>
      d.emulator.ok && d.mingo.ok && Object.values((d.input.update as Doc).$pull ?? {}).some((arg) => isDocument(arg) && !Object.keys(arg).some((k) => k.startsWith('$'))),
    examples: [{ input: { doc: { _id: 1, a: ['ab', { x: 'ab' }] }, update: { $pull: { a: { x: 'ab' } } } }, mongodb: { _id: 1, a: ['ab'] } }],
  },
  {
    id: 'pull-compares-whole-elements',
    area: 'update',
    rule: '$pull and $pullAll compare each element whole: an array nested in the array goes only when it equals the value',
    source:
      'MongoDB manual, $pull ("If the specified <value> to remove is an array, $pull removes only the elements in the array that match the specified <value> exactly") and $pullAll',
    applies: (d) =>
      d.emulator.ok &&
      d.mingo.ok &&
      ['$pull', '$pullAll'].some((op) => Object.keys(((d.input.update as Doc)[op] ?? {}) as Doc).some((path) => reach(d.input.doc, path).leafNestedArray)),
    examples: [{ input: { doc: { _id: 1, a: [1, [1, 2]] }, update: { $pullAll: { a: [1] } } }, mongodb: { _id: 1, a: [[1, 2]] } }],
  },
  {
    id: 'nan-is-a-number',
    area: 'update',
    rule: 'NaN is a double below every other number: $inc and $mul on it answer NaN, $min keeps it, and a $pull range bounded by NaN removes only NaN',
    source: 'MongoDB manual, "Comparison/Sort Order" (numeric types) and "BSON Types" (NaN is a double)',
    applies: (d) => d.emulator.ok && (containsNaN(d.input.doc) || containsNaN(d.input.update)),
    examples: [{ input: { doc: { _id: 1, a: NaN }, update: { $inc: { a: 1 } } }, mongodb: { _id: 1, a: NaN } }],
  },
];
