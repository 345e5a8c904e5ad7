/**
 * What a partner (a reseller) watches on its customers' behalf: each of its accounts' balance, credit limit,
 * arrears, runway, resources expiring soon and releases scheduled (seed 003). Reads only, through the stores of the
 * capabilities that own the data; above account, ledger, resource and payment.
 */
package io.tenure.partner;
