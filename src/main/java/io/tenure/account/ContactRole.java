package io.tenure.account;

/** A contact's role on an account, which decides the notices it receives by default (SPEC.md section 6). */
public enum ContactRole {
  /** The account's creator. */
  OWNER,
  RESOURCE_COLLABORATOR,
  FINANCE_COLLABORATOR,
  COLLABORATOR
}
