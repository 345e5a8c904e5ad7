/** The catalog: products, plans, add-ons, meters and lifecycle policies, and the file they are loaded from. */
package io.tenure.catalog;
