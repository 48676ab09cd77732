import { sortKeysWhere } from './recognise';
import type { Departure } from './types';

/** Sorts: where mingo's sort order departs from MongoDB's. */

export const SORTS: Departure[] = [
  {
    id: 'sort-arrays-by-min-or-max',
    area: 'sort',
    rule: 'An ascending sort compares an array by its smallest element, a descending sort by its largest; an empty array sorts below null and missing',
    source: 'MongoDB manual, "Comparison/Sort Order", Arrays',
    applies: (d) => sortKeysWhere(d, (r) => r.leafArray),
    examples: [{ input: { docs: [{ _id: 1, a: [1, 5] }, { _id: 2, a: 3 }, { _id: 3, a: [] }, { _id: 4 }], sort: { a: -1 } }, mongodb: [1, 2, 4, 3] }],
  },
  {
    id: 'sort-path-through-array',
    area: 'sort',
    rule: "A sort key through an array takes every document's field (missing ones as null); an array with no documents gives null",
    source: 'MongoDB manual, "Comparison/Sort Order", Non-existent Fields; sort keys follow index keys (jstests/core/indexv.js, null key generation)',
    applies: (d) => sortKeysWhere(d, (r) => r.throughArray),
    examples: [
      {
        input: {
          docs: [
            { _id: 1, a: [{ x: 2 }, {}] },
            { _id: 2, a: [{ x: 1 }] },
          ],
          sort: { 'a.x': 1 },
        },
        mongodb: [1, 2],
      },
    ],
  },
  {
    id: 'sort-documents-field-by-field',
    area: 'sort',
    rule: 'Documents compare field by field in stored order, each pair by type, then name, then value; a document that runs out of fields first is smaller',
    source: 'MongoDB manual, "Comparison/Sort Order", Objects',
    applies: (d) => sortKeysWhere(d, (r) => r.leafDocument),
    examples: [
      {
        input: {
          docs: [
            { _id: 1, a: { x: 'b' } },
            { _id: 2, a: { x: 1, y: 1 } },
            { _id: 3, a: { x: 1 } },
          ],
          sort: { a: 1 },
        },
        mongodb: [3, 2, 1],
      },
    ],
  },
  {
    id: 'sort-nan-below-numbers',
    area: 'sort',
    rule: 'NaN sorts below every other number',
    source: 'MongoDB manual, "Comparison/Sort Order", Numeric Types',
    applies: (d) => sortKeysWhere(d, (r) => r.leafNaN),
    examples: [
      {
        input: {
          docs: [
            { _id: 1, a: 0 },
            { _id: 2, a: NaN },
          ],
          sort: { a: 1 },
        },
        mongodb: [2, 1],
      },
    ],
  },
];
