import type { Doc } from '../generate';
import { isDocument, isOperatorObject, reach } from '../shapes';
import { conditionsWhere, containsNaN, get, hasArrayOperand, listsOf, mentionsNull, NULL_QUERIES, uses } from './recognise';
import type { Departure } from './types';

/** Filters: where mingo's matcher departs from MongoDB's. */

export const FILTERS: Departure[] = [
  {
    id: 'path-through-value-array',
    area: 'filter',
    rule: "A dotted path that crosses an array reaches only the array's documents: other elements, and an empty array, reach nothing, so {'a.b': null}, {$exists: true}, {$size: 0} and {'a.b': []} do not match {a: [1, 2]} and {$exists: false} does",
    source: `${NULL_QUERIES}: a_value_array_no_nulls and a_empty_array do not match {'a.b': null}`,
    applies: (d) => conditionsWhere(d, (path, _c, doc) => reach(doc, path).throughValueArray),
    examples: [
      { input: { filter: { 'a.b': { $exists: false } }, doc: { _id: 1, a: [1, 2] } }, mongodb: true },
      { input: { filter: { 'a.b': null }, doc: { _id: 1, a: [1, 2] } }, mongodb: false },
      { input: { filter: { 'a.b': { $ne: null } }, doc: { _id: 1, a: [] } }, mongodb: true },
      { input: { filter: { 'a.b': { $size: 0 } }, doc: { _id: 1, a: [1] } }, mongodb: false },
    ],
  },
  {
    id: 'missing-in-array',
    area: 'filter',
    rule: "A document in an array that lacks the field is a missing value, which null matches: {'a.b': {$in: [null]}} matches {a: [{b: 3}, {}]}, {'a.b': {$exists: true}} does not match {a: [{}]}",
    source: `${NULL_QUERIES}: a_object_array_some_b_missing matches {'a.b': {$in: [null, 75]}}`,
    applies: (d) => conditionsWhere(d, (path, condition, doc) => reach(doc, path).throughArray && (mentionsNull(condition) || uses(condition, '$exists', '$not.$exists'))),
    examples: [{ input: { filter: { 'a.b': { $in: [null] } }, doc: { _id: 1, a: [{ b: 3 }, {}] } }, mongodb: true }],
  },
  {
    id: 'fan-out-is-not-an-array',
    area: 'filter',
    rule: "A path through an array of documents is tested value by value: {'a.b': {$type: 'array'}}, {$size: 2} or {'a.b': []} look at each b (and into each b that is an array), never at the list of all the b's",
    source: 'MongoDB manual, "Query an Array of Embedded Documents": a condition on a field in an array of documents is met when one embedded document meets it',
    applies: (d) =>
      conditionsWhere(d, (path, condition, doc) => {
        const r = reach(doc, path);
        return r.throughArray && (r.leafArray || hasArrayOperand(condition) || uses(condition, '$type', '$size', '$not.$type', '$not.$size', '$elemMatch'));
      }),
    examples: [{ input: { filter: { 'a.b': { $type: 'array' } }, doc: { _id: 1, a: [{ b: 1 }, { b: 2 }] } }, mongodb: false }],
  },
  {
    id: 'type-looks-into-arrays',
    area: 'filter',
    rule: '$type matches an array field when one of its elements has the type',
    source: 'MongoDB manual, $type, "Querying by Array Type": documents where at least one array element matches the type',
    applies: (d) => conditionsWhere(d, (path, condition, doc) => reach(doc, path).leafArray && uses(condition, '$type', '$not.$type')),
    examples: [{ input: { filter: { a: { $type: 'string' } }, doc: { _id: 1, a: [1, 'x'] } }, mongodb: true }],
  },
  {
    id: 'null-bound-range',
    area: 'filter',
    rule: '$gte and $lte null match null and missing fields: null is alone in its type bracket',
    source: `${NULL_QUERIES}: {a: {$not: {$gte: null}}} leaves out exactly a_null, a_undefined and no_a`,
    applies: (d) =>
      conditionsWhere(d, (_p, condition) => isDocument(condition) && [condition, condition.$not].some((c) => isDocument(c) && (c.$gte === null || c.$lte === null))),
    examples: [{ input: { filter: { a: { $gte: null } }, doc: { _id: 1 } }, mongodb: true }],
  },
  {
    id: 'mod-numbers-only',
    area: 'filter',
    rule: '$mod matches numbers only (never dates or booleans), truncating a fraction toward zero',
    source: 'MongoDB manual, $mod; jira DOCS-7792 and SERVER-32960: doubles are truncated (2.7 → 2)',
    applies: (d) => conditionsWhere(d, (_p, condition) => uses(condition, '$mod', '$not.$mod')),
    examples: [{ input: { filter: { a: { $mod: [2, 0] } }, doc: { _id: 1, a: 2.5 } }, mongodb: true }],
  },
  {
    id: 'regex-in-in',
    area: 'filter',
    rule: '$in and $nin lists may hold regular expressions, which match strings',
    source: 'MongoDB manual, $in, "Use the $in Operator with a Regular Expression"',
    applies: (d) => conditionsWhere(d, (_p, condition) => listsOf(condition).some((list) => list.some((v) => v instanceof RegExp))),
    examples: [{ input: { filter: { a: { $in: [/^b/] } }, doc: { _id: 1, a: 'bc' } }, mongodb: true }],
  },
  {
    id: 'nested-arrays-are-values',
    area: 'filter',
    rule: 'A condition looks one level into an array: an array nested in it is one element, compared whole, never searched',
    source: 'MongoDB manual, "Query an Array": {tags: "red"} matches arrays holding "red" as an element',
    applies: (d) => conditionsWhere(d, (path, _c, doc) => reach(doc, path).leafNestedArray),
    examples: [{ input: { filter: { a: 1 }, doc: { _id: 1, a: [[1]] } }, mongodb: false }],
  },
  {
    id: 'all-on-a-scalar',
    area: 'filter',
    rule: "$all is an $and of equalities, so it also matches a field that is not an array: {tags: {$all: ['ssl']}} is {tags: 'ssl'}",
    source: 'MongoDB manual, $all, "Equivalent to $and Operation"',
    applies: (d) => conditionsWhere(d, (_p, condition) => uses(condition, '$all', '$not.$all')),
    examples: [{ input: { filter: { a: { $all: ['x'] } }, doc: { _id: 1, a: 'x' } }, mongodb: true }],
  },
  {
    id: 'type-int-by-value',
    area: 'filter',
    rule: "$type 'int' and 'long' match whole numbers only: the SDK sends a fraction as a double",
    source: 'MongoDB manual, $type, "Available Types": double (1), int (16) and long (18) are distinct BSON types',
    applies: (d) =>
      conditionsWhere(
        d,
        (_p, condition) =>
          isDocument(condition) && [condition.$type, (condition.$not as Doc | undefined)?.$type].flat().some((t) => ['int', 'long', 16, 18].includes(t as string)),
      ),
    examples: [{ input: { filter: { a: { $type: 'int' } }, doc: { _id: 1, a: 2.5 } }, mongodb: false }],
  },
  {
    id: 'elem-match-documents',
    area: 'filter',
    rule: '$elemMatch with field conditions only tries the elements that are documents',
    source: `${NULL_QUERIES}: {a: {$elemMatch: {b: {$eq: null}}}} does not match a_value_array_all_nulls [null, null]`,
    applies: (d) =>
      conditionsWhere(d, (path, condition, doc) => {
        const spec = isDocument(condition) ? condition.$elemMatch : undefined;
        return isDocument(spec) && !isOperatorObject(spec) && reach(doc, path).leafArray;
      }),
    examples: [{ input: { filter: { a: { $elemMatch: { b: { $ne: 1 } } } }, doc: { _id: 1, a: ['x'] } }, mongodb: false }],
  },
  {
    id: 'in-list-arrays',
    area: 'filter',
    rule: '$in and $nin compare each list element as an equality would: an array in the list matches a field holding that whole array',
    source: 'MongoDB manual, $in: a field matches when it equals a listed value, an array field also when one element does ("Query an Array": equality on a whole array)',
    applies: (d) => conditionsWhere(d, (_p, condition) => listsOf(condition).some((list) => list.some(Array.isArray))),
    examples: [{ input: { filter: { a: { $in: [[]] } }, doc: { _id: 1, a: [] } }, mongodb: true }],
  },
  {
    id: 'nan-below-numbers',
    area: 'filter',
    rule: 'NaN equals NaN and sorts below every other number, so a range bounded by a number never matches it',
    source: 'MongoDB manual, "Comparison/Sort Order" (numeric types); jstests/core/nan.js',
    applies: (d) => conditionsWhere(d, (path, condition, doc) => containsNaN(get(doc, path)) || containsNaN(condition)),
    examples: [{ input: { filter: { a: { $not: { $gt: 2.5 } } }, doc: { _id: 1, a: NaN } }, mongodb: true }],
  },
];
