/** The double-entry ledger: wallets, top-ups, charges, refunds, adjustments, and the audit. */
package io.tenure.ledger;
