/** The PostgreSQL database: embedded or external, its connection pool, migrations, and identifiers. */
package io.tenure.store;
