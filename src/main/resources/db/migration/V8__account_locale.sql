-- The language of an account's notices (en or zh-CN), beside its time zone. Accounts created before it speak
-- English, as they did; a new account gets the operator's default (TENURE_DEFAULT_LOCALE) from the API.
ALTER TABLE accounts ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN'));
