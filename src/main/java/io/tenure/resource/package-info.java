/** The pure rules of prepaid resources: terms and their renewal, proration, pricing and plan limits. */
package io.tenure.resource;
