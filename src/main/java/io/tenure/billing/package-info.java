/** Bills: what a customer was charged or refunded, line by line, for each purchase, renewal, change or usage period. */
package io.tenure.billing;
