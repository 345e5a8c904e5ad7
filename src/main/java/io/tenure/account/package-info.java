/**
 * Accounts (customers) with their contacts, tiers, zones and money settings, partners (resellers), and the API
 * keys that let the operator, a partner or an account call.
 */
package io.tenure.account;
