/** The PostgreSQL database: embedded or external, the ownership of its data directory, its connection pool, migrations, and identifiers. */
package io.tenure.store;
