import { assertLocalDatabaseUrl } from '../../support/local-database-url';

describe('test database harness', () => {
  it.each(['postgres://postgres@127.0.0.1:5432/test', 'postgresql://postgres@localhost/test', 'postgres://u@[::1]:5432/t'])(
    'accepts the local database %s',
    (url) => {
      expect(() => assertLocalDatabaseUrl(url)).not.toThrow();
    },
  );

  it.each(['postgres://postgres@db.supabase.co:5432/postgres', 'postgres://u@10.0.0.5/test', 'mysql://localhost/test'])(
    'refuses %s',
    (url) => {
      expect(() => assertLocalDatabaseUrl(url)).toThrow();
    },
  );
});
