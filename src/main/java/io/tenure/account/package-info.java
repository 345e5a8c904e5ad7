/** Accounts (customers) with their contacts, tiers, zones and money settings, and partners (resellers). */
package io.tenure.account;
