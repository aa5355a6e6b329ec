-- Sensitive fields encrypted at rest with AES-256-GCM (product spec §5.3). The app encrypts and
-- decrypts these columns itself (lib/crypto, declared with encryptedText in lib/db/schema.ts); the
-- database only ever sees `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>` strings, which are longer than
-- the plaintext limits these columns had, so they become text. The plaintext limits stay enforced
-- where the values come from (request schemas, lib/auth/built-in/refresh-tokens.ts).
--
--   profiles.suspended_reason   an admin's free-text note about a person
--   refresh_tokens.ip           the client address of each sign-in and refresh
--   refresh_tokens.user_agent   the browser and device of each sign-in and refresh
--
-- Nothing filters, sorts, joins or checks these columns in SQL or RLS, which is what makes
-- encrypting them free. Rows written before this migration stay plaintext (SQL has no key): they
-- read back as they are, are encrypted on their next write, and
-- `tsx --conditions=react-server scripts/encrypt-sensitive-fields.ts` encrypts all of them at once.

alter table public.profiles alter column suspended_reason type text;
alter table public.refresh_tokens alter column ip type text;
alter table public.refresh_tokens alter column user_agent type text;

comment on column public.profiles.suspended_reason is 'AES-256-GCM envelope (lib/crypto/field-encryption.ts); plaintext only in rows from before 0021';
comment on column public.refresh_tokens.ip is 'AES-256-GCM envelope (lib/crypto/field-encryption.ts); plaintext only in rows from before 0021';
comment on column public.refresh_tokens.user_agent is 'AES-256-GCM envelope (lib/crypto/field-encryption.ts); plaintext only in rows from before 0021';
