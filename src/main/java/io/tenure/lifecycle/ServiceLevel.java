package io.tenure.lifecycle;

/** How much service a resource gets in a phase. */
public enum ServiceLevel {
  /** Everything keeps running. */
  FULL,
  /** Read and use only: no changes. */
  LIMITED,
  /** Stopped or isolated; data kept. */
  NONE
}
