/**
 * Usage of pay-as-you-go resources (SPEC.md §7): ingestion of metered events in batches, their validation one
 * by one, deduplication per resource and event id, and the day-partitioned table they are kept in. See
 * docs/usage.md.
 */
package io.tenure.usage;
