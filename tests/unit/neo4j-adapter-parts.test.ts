import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/lib/app-error.js';
import { rankEntries, searchEntry } from '../../server/lib/search-rank.js';
import { planRejection, queryTypeRejection } from '../../server/store/neo4j/console-policy.js';
import {
  backendFailure,
  mapConsoleError,
  startupError,
  syntaxPosition,
} from '../../server/store/neo4j/errors.js';
import { luceneQuery, searchText } from '../../server/store/neo4j/search-text.js';
import { TINY_SEEDS } from '../helpers/paths.js';
import { bundleOf } from '../helpers/seeds.js';

const error = (code: string, message = 'failed') => new neo4j.Neo4jError(message, code, '', '');

describe('Neo4j errors as API codes', () => {
  it('maps syntax errors to QUERY_SYNTAX with line and column', () => {
    const e = mapConsoleError(
      error(
        'Neo.ClientError.Statement.SyntaxError',
        'Invalid input \'RETURN\': expected ... (line 1, column 10 (offset: 9))\n"MATCH (n RETURN n"\n          ^',
      ),
      1000,
    );
    expect(e).toMatchObject({ code: 'QUERY_SYNTAX', status: 400 });
    expect(e.details).toEqual({ position: { line: 1, column: 10 } });
    expect(e.message).not.toMatch(/\^/);
    expect(syntaxPosition('no position')).toBeUndefined();
  });

  it('maps timeouts, access mode, statement failures and unavailability', () => {
    const code = (c: string) => mapConsoleError(error(c), 500).code;
    expect(code('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration')).toBe(
      'QUERY_TIMEOUT',
    );
    expect(code('Neo.ClientError.Transaction.TransactionTimedOut')).toBe('QUERY_TIMEOUT');
    expect(code('Neo.ClientError.Statement.AccessMode')).toBe('QUERY_REJECTED');
    expect(code('Neo.ClientError.Statement.ArithmeticError')).toBe('QUERY_FAILED');
    expect(code('ServiceUnavailable')).toBe('BACKEND_UNAVAILABLE');
    expect(code('SessionExpired')).toBe('BACKEND_UNAVAILABLE');
    expect(mapConsoleError(error('ServiceUnavailable'), 1).status).toBe(503);
  });

  it('leaves query errors of explorer reads alone and maps an unreachable server to 503', () => {
    expect(backendFailure(error('Neo.ClientError.Statement.TypeError'))).toBeUndefined();
    expect(backendFailure(new Error('plain'))).toBeUndefined();
    expect(backendFailure(error('Neo.TransientError.General.DatabaseUnavailable'))).toBeInstanceOf(
      AppError,
    );
  });

  it('says at start-up which setting to check, never the password', () => {
    const settings = { uri: 'neo4j://db:7687', user: 'analyst', database: 'neo4j' };
    const auth = startupError(error('Neo.ClientError.Security.Unauthorized'), settings);
    expect(auth.message).toMatch(/NEO4J_USER=analyst/);
    expect(auth.message).toMatch(/NEO4J_PASSWORD/);
    const down = startupError(error('ServiceUnavailable', 'Connection refused'), settings);
    expect(down.message).toMatch(/NEO4J_URI=neo4j:\/\/db:7687: Connection refused/);
    const db = startupError(error('Neo.ClientError.Database.DatabaseNotFound'), settings);
    expect(db.message).toMatch(/NEO4J_DATABASE=neo4j/);
  });
});

describe('console policy on Neo4j', () => {
  const plan = (operatorType: string, args: Record<string, unknown> = {}, children = []) => ({
    operatorType,
    arguments: args,
    children,
  });

  it("accepts only EXPLAIN query type 'r'", () => {
    expect(queryTypeRejection('r')).toBeUndefined();
    expect(queryTypeRejection('rw')).toMatch(/change the database/);
    expect(queryTypeRejection('w')).toMatch(/change the database/);
    expect(queryTypeRejection('s')).toMatch(/schema/);
  });

  it('refuses LOAD CSV and procedures outside the catalogue, anywhere in the plan', () => {
    const read = plan('ProduceResults@neo4j', {}, [plan('NodeByLabelScan@neo4j')] as never);
    expect(planRejection(read)).toBeUndefined();
    const csv = plan('ProduceResults@neo4j', {}, [plan('LoadCSV@neo4j')] as never);
    expect(planRejection(csv)).toMatch(/LOAD CSV/);
    const labels = plan('ProcedureCall@neo4j', { Details: 'db.labels() :: (label :: STRING)' });
    expect(planRejection(labels)).toBeUndefined();
    const kill = plan('ProcedureCall@neo4j', { Details: 'dbms.killConnection($id)' });
    expect(planRejection(kill)).toMatch(/dbms.killConnection/);
    expect(planRejection(false)).toMatch(/no plan/);
  });
});

describe('full-text search text and Lucene query', () => {
  it('folds names, aliases and the nation code, with spaceless forms', () => {
    const text = searchText({ id: 'nation:CIV', name: "Côte d'Ivoire", aliases: ['Ivory Coast'] });
    expect(text.split(' ')).toEqual(
      expect.arrayContaining(['cote', 'ivoire', 'cotedivoire', 'ivorycoast', 'civ']),
    );
    expect(luceneQuery('  ')).toBeUndefined();
    expect(luceneQuery('U.S.')).toBe('*us*');
    expect(luceneQuery('west  germany')).toBe('*westgermany* OR (*west* AND *germany*)');
    expect(luceneQuery('a+b (c)')).toBe('*abc* OR (*a* AND *b* AND *c*)');
  });

  /** Evaluates our Lucene subset (`*t*`, AND, OR, one level of parentheses) over whitespace tokens. */
  function matches(lucene: string, text: string): boolean {
    const tokens = text.split(' ');
    const has = (t: string) => tokens.some((token) => token.includes(t.replaceAll('*', '')));
    return lucene.split(' OR ').some((part) => part.replace(/[()]/g, '').split(' AND ').every(has));
  }

  it('finds every node the ranking would score, for many queries over the tiny seeds', async () => {
    const bundle = await bundleOf(TINY_SEEDS);
    const records = bundle.nodes.map((n) => ({ ...n.record, label: n.label }));
    const entries = records.map((r) =>
      searchEntry({ id: r.id, label: r.label, name: r.name, aliases: r.aliases ?? [] }),
    );
    const queries = ['us', 'USA', 'united st', 'states united', 'west germany', 'westgermany'];
    queries.push("cote d'ivoire", 'CÔTE D’IVOIRE', 'ivory', 'a', 'nato', 'treaty north', 'lemoa');
    for (const q of queries) {
      const lucene = luceneQuery(q) ?? '';
      const ranked = rankEntries(entries, q, 1000);
      expect(ranked.length, q).toBeGreaterThanOrEqual(q === 'a' ? 2 : 0);
      for (const hit of ranked) {
        const record = records.find((r) => r.id === hit.id);
        expect(record && matches(lucene, searchText(record)), `${q} -> ${hit.id}`).toBe(true);
      }
    }
  });
});
