-- The webhook deliveries of one resource, newest first (owner: webhook): the operator's console shows them on the
-- resource's page, GET /v1/resources/{id}/webhook-deliveries.
CREATE INDEX webhook_deliveries_by_resource ON webhook_deliveries (resource_id, id);
