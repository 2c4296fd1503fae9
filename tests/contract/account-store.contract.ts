import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStore, StoredAccount } from '../../server/store/account-store.js';

/**
 * The accounts port's contract: users, sessions, tokens, audit and settings behave the same
 * on every adapter. `makeStore` returns an EMPTY store.
 */
export function describeAccountStore(name: string, makeStore: () => Promise<AccountStore>) {
  describe(`AccountStore contract: ${name}`, () => {
    let store: AccountStore;
    beforeAll(async () => {
      store = await makeStore();
    });
    afterAll(async () => {
      await store?.close();
    });

    const alice: StoredAccount = {
      id: 'usr_alice000001',
      username: 'alice',
      role: 'analyst',
      source: 'local',
      disabled: false,
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
      subject: null,
      createdAt: '2026-01-01T00:00:00.000Z',
    };

    it('creates accounts and finds them by id and by username', async () => {
      await store.createAccount(alice);
      expect(await store.accountById(alice.id)).toEqual(alice);
      expect(await store.accountByUsername('alice')).toEqual(alice);
      expect(await store.accountByUsername('bob')).toBeNull();
      expect(await store.accountById('usr_nobody0001')).toBeNull();
    });

    it('finds an OpenID Connect account by its subject', async () => {
      const oidc: StoredAccount = {
        ...alice,
        id: 'usr_oidc0000001',
        username: 'carol@example.org',
        source: 'oidc',
        passwordHash: null,
        subject: 'https://idp.example.org|carol',
        role: 'viewer',
      };
      await store.createAccount(oidc);
      expect(await store.accountBySubject('https://idp.example.org|carol')).toEqual(oidc);
      expect(await store.accountBySubject('https://idp.example.org|dave')).toBeNull();
      expect((await store.listAccounts()).map((a) => a.username)).toEqual([
        'alice',
        'carol@example.org',
      ]);
    });

    it('updates role, password and disabled flag, and says when there is no such account', async () => {
      expect(
        await store.updateAccount(alice.id, { role: 'editor', passwordHash: 'h2', disabled: true }),
      ).toBe(true);
      expect(await store.accountById(alice.id)).toMatchObject({
        role: 'editor',
        passwordHash: 'h2',
        disabled: true,
      });
      expect(
        await store.updateAccount('usr_nobody0001', {
          role: 'viewer',
          passwordHash: null,
          disabled: false,
        }),
      ).toBe(false);
      await store.updateAccount(alice.id, {
        role: 'analyst',
        passwordHash: alice.passwordHash,
        disabled: false,
      });
    });

    it('keeps sessions until they are ended, one by one, per user or on expiry', async () => {
      const base = { userId: alice.id, csrfToken: 'csrf', createdAt: '2026-01-01T00:00:00.000Z' };
      await store.createSession({ ...base, id: 's1', expiresAt: '2026-01-02T00:00:00.000Z' });
      await store.createSession({ ...base, id: 's2', expiresAt: '2027-01-02T00:00:00.000Z' });
      await store.createSession({ ...base, id: 's3', expiresAt: '2027-01-02T00:00:00.000Z' });
      expect(await store.session('s1')).toMatchObject({ userId: alice.id, csrfToken: 'csrf' });
      await store.deleteExpiredSessions('2026-06-01T00:00:00.000Z');
      expect(await store.session('s1')).toBeNull();
      expect(await store.session('s2')).not.toBeNull();
      await store.deleteSession('s2');
      expect(await store.session('s2')).toBeNull();
      await store.deleteSessionsOf(alice.id);
      expect(await store.session('s3')).toBeNull();
    });

    it('stores tokens by hash, lists them, records use and revokes them', async () => {
      await store.createToken({
        id: 'tok_00000001',
        tokenHash: 'hash-1',
        name: 'script',
        userId: alice.id,
        role: 'viewer',
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-04-01T00:00:00.000Z',
      });
      const found = await store.tokenByHash('hash-1');
      expect(found).toMatchObject({
        id: 'tok_00000001',
        revoked: false,
        lastUsedAt: '',
        role: 'viewer',
      });
      expect(await store.tokenByHash('hash-2')).toBeNull();
      await store.touchToken('tok_00000001', '2026-01-05T00:00:00.000Z');
      expect((await store.tokenByHash('hash-1'))?.lastUsedAt).toBe('2026-01-05T00:00:00.000Z');
      expect(await store.revokeToken('tok_00000001')).toBe(true);
      expect(await store.revokeToken('tok_missing01')).toBe(false);
      expect((await store.listTokens()).map((t) => [t.id, t.revoked])).toEqual([
        ['tok_00000001', true],
      ]);
    });

    it('deletes an account with its sessions and tokens', async () => {
      const bob = { ...alice, id: 'usr_bob0000001', username: 'bob' };
      await store.createAccount(bob);
      await store.createSession({
        id: 'sb',
        userId: bob.id,
        csrfToken: 'c',
        createdAt: 'x',
        expiresAt: '2099-01-01',
      });
      await store.createToken({
        id: 'tok_bob00001',
        tokenHash: 'hb',
        name: 'b',
        userId: bob.id,
        role: 'viewer',
        createdAt: 'x',
        expiresAt: '2099-01-01',
      });
      await store.deleteAccount(bob.id);
      expect(await store.accountById(bob.id)).toBeNull();
      expect(await store.session('sb')).toBeNull();
      expect(await store.tokenByHash('hb')).toBeNull();
    });

    it('appends audit entries and lists them newest first, filtered', async () => {
      const entry = (n: number, action: string, outcome: 'ok' | 'denied' | 'failed') => ({
        id: `aud_${String(n).padStart(8, '0')}`,
        at: `2026-02-0${n}T10:00:00.000Z`,
        action,
        outcome,
        userId: n % 2 ? alice.id : null,
        username: n % 2 ? 'alice' : null,
        requestId: `req-${n}`,
        client: '127.0.0.1',
        details: { rows: n, params: ['id', 'asOf'] },
      });
      for (const [n, action, outcome] of [
        [1, 'auth.login', 'ok'],
        [2, 'auth.login', 'failed'],
        [3, 'console.query', 'ok'],
        [4, 'console.query', 'denied'],
      ] as const) {
        await store.appendAudit(entry(n, action, outcome));
      }
      const all = await store.listAudit({ limit: 10 });
      expect(all.map((e) => e.id)).toEqual([
        'aud_00000004',
        'aud_00000003',
        'aud_00000002',
        'aud_00000001',
      ]);
      expect(all[0]?.details).toEqual({ rows: 4, params: ['id', 'asOf'] });
      expect(
        (await store.listAudit({ action: 'auth.login', limit: 10 })).map((e) => e.outcome),
      ).toEqual(['failed', 'ok']);
      expect((await store.listAudit({ user: 'alice', limit: 10 })).map((e) => e.id)).toEqual([
        'aud_00000003',
        'aud_00000001',
      ]);
      expect(
        (await store.listAudit({ from: '2026-02-02', to: '2026-02-04', limit: 10 })).map(
          (e) => e.id,
        ),
      ).toEqual(['aud_00000003', 'aud_00000002']);
      expect(await store.listAudit({ limit: 1 })).toHaveLength(1);
    });

    it('keeps settings', async () => {
      expect(await store.setting('setup-token')).toBeNull();
      await store.putSetting('setup-token', 'a');
      await store.putSetting('setup-token', 'b');
      expect(await store.setting('setup-token')).toBe('b');
      await store.deleteSetting('setup-token');
      expect(await store.setting('setup-token')).toBeNull();
    });
  });
}
