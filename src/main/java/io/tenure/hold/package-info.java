/**
 * Holds and entitlements: the operator's suspensions of a resource, one feature of it or a whole account for a
 * reason other than money (SPEC.md section 4), and what a resource may do now after its phase and its holds
 * (SPEC.md section 9). Owns the {@code holds} table.
 */
package io.tenure.hold;
