/**
 * The pure lifecycle rules of a resource: its phases, the schedule of its transitions and notices, restore
 * and renewal, and which operations each phase allows. No I/O, no clock: every instant is passed in, every
 * type is immutable and thread-safe. See docs/lifecycle.md.
 */
package io.tenure.lifecycle;
