/** Providers: the services that run resources; what they are told to do, and what a resource may do now. */
package io.tenure.provider;
