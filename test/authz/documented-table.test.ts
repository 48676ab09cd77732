/**
 * The reader of docs/permissions.md and the comparison with the code's tables: each kind of
 * disagreement is named, so the matrix's comparison can fail, and says where.
 */
import { asPermissionTables, differences, documentedTable, parseDocumentedTable } from './documented-table';

const TABLE = (rows: string) => `# Who may call what

| action | anonymous | resident | deputy | officer | admin | unit | scope |
|---|---|---|---|---|---|---|---|
${rows}

Text after the table.
`;

const ROWS = TABLE(
  [
    '| `station.get` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | public |',
    '| `case.reply` | ✗ | ✗ | ✓ | ✓ | ✗ | ✗ | assigned deputy; station officers |',
    '| `user.duty` | ✗ | ✗ | ✓ | ✗ | ✗ | ✗ | own record |',
    '| `suggestion.answer` | ✗ | ✗ | ✗ | ✗ | ✗ | ✓ | their unit |',
  ].join('\n'),
);

describe('the documented table', () => {
  it('reads each row as function, action, one ✓/✗ per kind of caller and the scope', () => {
    expect(parseDocumentedTable(ROWS)[1]).toEqual({
      fn: 'case',
      action: 'reply',
      key: 'case.reply',
      allowed: { anonymous: false, resident: false, deputy: true, officer: true, admin: false, unit: false },
      scope: 'assigned deputy; station officers',
    });
  });

  it('refuses a cell that is neither ✓ nor ✗, a row listed twice and a badly written action', () => {
    expect(() => parseDocumentedTable(TABLE('| `case.reply` | ✗ | ✗ | yes | ✓ | ✗ | ✗ | x |'))).toThrow('deputy cell of `case.reply` is "yes"');
    expect(() => parseDocumentedTable(TABLE('| `case.reply` | ✗ | ✗ | ✓ | ✓ | ✗ | - | x |'))).toThrow('unit cell of `case.reply` is "-"');
    expect(() => parseDocumentedTable(TABLE('| `case.reply` | ✗ | ✗ | ✓ | ✓ | ✗ | x |'))).toThrow('7 cells for 8 columns');
    expect(() => parseDocumentedTable(TABLE('| `user.duty` | ✗ | ✗ | ✓ | ✗ | ✗ | ✗ | x |\n| `user.duty` | ✗ | ✗ | ✓ | ✗ | ✗ | ✗ | x |'))).toThrow('listed twice');
    expect(() => parseDocumentedTable(TABLE('| case reply | ✗ | ✗ | ✓ | ✓ | ✗ | ✗ | x |'))).toThrow('`function.action`');
    // A table without the unit column is not the permission table any more.
    expect(() => parseDocumentedTable('| action | anonymous | resident | deputy | officer | admin | scope |\n|---|---|---|---|---|---|---|\n')).toThrow(
      'expected one permission table',
    );
    expect(() => parseDocumentedTable('# nothing here')).toThrow('expected one permission table');
  });

  it('becomes the shape of main.permissions: "anyone" for a row open to every caller, else the roles', () => {
    expect(asPermissionTables(parseDocumentedTable(ROWS))).toEqual({
      station: { get: 'anyone' },
      case: { reply: ['deputy', 'officer'] },
      user: { duty: ['deputy'] },
      suggestion: { answer: ['unit'] },
    });
  });

  it('docs/permissions.md parses, with a row for every action of the nine API functions', () => {
    const rows = documentedTable();
    expect([...new Set(rows.map((row) => row.fn))].sort()).toEqual(['admin', 'case', 'consultation', 'reception', 'report', 'station', 'subscription', 'suggestion', 'user']);
    expect(rows.every((row) => row.scope.length > 0)).toBe(true);
  });
});

describe('comparing the code with the documented table', () => {
  const rows = parseDocumentedTable(ROWS);
  const agreeing = {
    station: { get: 'anyone' as const },
    case: { reply: ['deputy', 'officer'] as const },
    user: { duty: ['deputy'] as const },
    suggestion: { answer: ['unit'] as const },
  };

  it('finds nothing when they agree', () => {
    expect(differences(agreeing, rows)).toEqual([]);
  });

  it('names a role the code lets through that the table refuses, and the reverse', () => {
    const code = { ...agreeing, case: { reply: ['deputy', 'admin'] as const } };
    expect(differences(code, rows)).toEqual([
      'case.reply × officer: docs/permissions.md says ✓, the code refuses it',
      'case.reply × admin: the code lets it through, docs/permissions.md says ✗',
    ]);
  });

  it('names an action the table lacks and a row with no action behind it', () => {
    const code = { station: { get: 'anyone' as const }, case: { reply: ['deputy', 'officer'] as const, merge: ['officer'] as const }, suggestion: agreeing.suggestion };
    expect(differences(code, rows)).toEqual(['case.merge: in the code, not in docs/permissions.md', 'user.duty: in docs/permissions.md, no such action in the code']);
  });

  it('reads "anyone" in the code as every kind of caller, anonymous included', () => {
    const code = { ...agreeing, user: { duty: 'anyone' as const } };
    expect(differences(code, rows)).toEqual([
      'user.duty × anonymous: the code lets it through, docs/permissions.md says ✗',
      'user.duty × resident: the code lets it through, docs/permissions.md says ✗',
      'user.duty × officer: the code lets it through, docs/permissions.md says ✗',
      'user.duty × admin: the code lets it through, docs/permissions.md says ✗',
      'user.duty × unit: the code lets it through, docs/permissions.md says ✗',
    ]);
  });

  it('names a unit the code lets through that the table refuses, and the reverse', () => {
    const code = { ...agreeing, case: { reply: ['deputy', 'officer', 'unit'] as const }, suggestion: { answer: ['admin'] as const } };
    expect(differences(code, rows)).toEqual([
      'case.reply × unit: the code lets it through, docs/permissions.md says ✗',
      'suggestion.answer × admin: the code lets it through, docs/permissions.md says ✗',
      'suggestion.answer × unit: docs/permissions.md says ✓, the code refuses it',
    ]);
  });
});
