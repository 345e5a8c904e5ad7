/** Money: an exact amount of one currency in its minor unit, the base type every capability counts with. */
package io.tenure.money;
