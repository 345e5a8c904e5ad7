-- An account's pay-as-you-go resources (owner: resource). The engine records each account's next settlement after
-- every batch (ResourceStore.refreshAccountsDue); for an account with no settlement due it looks for a pay-as-you-go
-- resource, which without this index read every resource row of the account, 1,000 heap rows per batch of the
-- bench's drain. Partial: a prepaid resource never enters it, so the engine's state updates of prepaid resources do
-- not maintain it. Also serves the settlement's lock of an account's pay-as-you-go resources and their listing (id order).
CREATE INDEX resources_payg_by_account ON resources (account_id, id) WHERE mode = 'PAYG';
