/**
 * The reliability simulator ({@code tenure simulate}): a seeded workload sent over HTTP to real Tenure servers,
 * an auditor that predicts every reply from a deliberately simple model of the rules, and injected faults
 * (killed servers, terminated database connections, several nodes on one database).
 */
package io.tenure.simulation;
