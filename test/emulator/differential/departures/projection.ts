import { canonicalUnordered } from '../canonical';
import type { Doc } from '../generate';
import type { Disagreement } from '../run';
import { isDocument, reach } from '../shapes';
import { containsNull, get, NULL_QUERIES, refusedAs } from './recognise';
import { REFUSED, type Departure } from './types';

/** Projections: where mingo's projection departs from MongoDB's. */

const projectionOf = (d: Disagreement) => d.input.projection as Doc;
const includesSomething = (projection: Doc) => Object.entries(projection).some(([path, v]) => path !== '_id' && (v === 1 || v === true));

export const PROJECTIONS: Departure[] = [
  {
    id: 'projection-keeps-field-order',
    area: 'projection',
    rule: "A projection keeps the document's field order (_id first); it never moves the projected fields",
    source: 'MongoDB manual, "Project Fields to Return from Query": every answer keeps the stored order',
    applies: (d) => d.emulator.ok && d.mingo.ok && canonicalUnordered(d.emulator.value) === canonicalUnordered(d.mingo.value),
    examples: [{ input: { doc: { _id: 1, a: 1, b: 2 }, projection: { b: 1, a: 1 } }, mongodb: { _id: 1, a: 1, b: 2 } }],
  },
  {
    id: 'projection-path-collision',
    area: 'projection',
    rule: 'A projection may not name a field and a field inside it ({a: 0, "a.x": 0})',
    source: 'MongoDB manual, "Projection Restrictions": path collision (from MongoDB 4.4)',
    applies: refusedAs(/^Path collision/),
    examples: [{ input: { doc: { _id: 1, a: { x: 1 } }, projection: { a: 0, 'a.x': 0 } }, mongodb: REFUSED }],
  },
  {
    id: 'slice-alone-keeps-other-fields',
    area: 'projection',
    rule: 'A $slice projection is not an inclusion: with no field included, every other field is returned, and a missing or non-array field is left as it is',
    source: 'MongoDB manual, $slice (projection): find({}, {comments: {$slice: 5}}) returns whole documents with the array cut',
    applies: (d) => d.emulator.ok && d.mingo.ok && Object.values(projectionOf(d)).some((v) => isDocument(v) && '$slice' in v) && !includesSomething(projectionOf(d)),
    examples: [{ input: { doc: { _id: 1, a: [1, 2], b: 3 }, projection: { a: { $slice: 1 } } }, mongodb: { _id: 1, a: [1], b: 3 } }],
  },
  {
    id: 'elem-match-projection',
    area: 'projection',
    rule: '$elemMatch projects the first matching element, by the query rules (a null bound matches a missing field); the field is left out when none matches or it is not an array, never an error',
    source: 'MongoDB manual, $elemMatch (projection)',
    applies: (d) => {
      const ours = d.emulator;
      if (!ours.ok) return false;
      // Its condition follows the query rules: a null bound matches a missing field, for one.
      return Object.entries(projectionOf(d)).some(
        ([field, v]) => isDocument(v) && '$elemMatch' in v && (!d.mingo.ok || !(field in (ours.value as Doc)) || containsNull(v.$elemMatch)),
      );
    },
    examples: [{ input: { doc: { _id: 1, a: [{ x: 1 }] }, projection: { _id: 0, a: { $elemMatch: { x: 2 } } } }, mongodb: {} }],
  },
  {
    id: 'projection-keeps-empty-documents',
    area: 'projection',
    rule: "Including 'a.b' keeps every document of an array a, as {} when it lacks b, and drops only its non-document elements",
    source: `${NULL_QUERIES}: {_id: 0, 'a.b': 1} answers {a: [{b: 3}, {}]} for a_object_array_some_b_missing`,
    applies: (d) => d.emulator.ok && d.mingo.ok && Object.keys(projectionOf(d)).some((path) => path.includes('.') && reach(d.input.doc, path.split('.')[0]).leafArray),
    examples: [{ input: { doc: { _id: 1, a: [{ b: 3 }, {}, 5] }, projection: { _id: 0, 'a.b': 1 } }, mongodb: { a: [{ b: 3 }, {}] } }],
  },
  {
    id: 'elem-match-is-an-inclusion',
    area: 'projection',
    rule: '$elemMatch counts as an inclusion: alone it answers _id and the matched element, and it may not be mixed with an exclusion',
    source: 'MongoDB manual, $elemMatch (projection): the example answers hold only _id and the projected array',
    applies: (d) => refusedAs(/mix of inclusion and exclusion/)(d) && Object.values(projectionOf(d)).some((v) => isDocument(v) && '$elemMatch' in v),
    examples: [{ input: { doc: { _id: 1, a: [{ x: 1 }], b: 2 }, projection: { b: 0, a: { $elemMatch: { x: 1 } } } }, mongodb: REFUSED }],
  },
  {
    id: 'inclusion-keeps-empty-parent',
    area: 'projection',
    rule: "Including 'a.b' keeps a document a as {} when it lacks b (and leaves out an a that is not a document)",
    source: `${NULL_QUERIES}: {_id: 0, 'a.b': 1} answers {a: {}} for a_empty_subobject and {} for a_number`,
    applies: (d) =>
      d.emulator.ok &&
      d.mingo.ok &&
      Object.entries(projectionOf(d)).some(([path, v]) => (v === 1 || v === true) && path.includes('.') && isDocument(get(d.input.doc as Doc, path.split('.')[0]))),
    examples: [{ input: { doc: { _id: 1, a: { x: 1 } }, projection: { 'a.y': 1 } }, mongodb: { _id: 1, a: {} } }],
  },
  {
    id: 'inclusion-of-nothing',
    area: 'projection',
    rule: 'An inclusion projection answers only the fields it names: none of them present (and _id: 0) answers {}',
    source: 'MongoDB manual, "Project Fields to Return from Query": "Return the Specified Fields and the _id Field Only"',
    applies: (d) => d.emulator.ok && d.mingo.ok && includesSomething(projectionOf(d)) && d.emulator.text === '{}',
    examples: [{ input: { doc: { _id: 1, a: 1 }, projection: { _id: 0, b: 1 } }, mongodb: {} }],
  },
];
