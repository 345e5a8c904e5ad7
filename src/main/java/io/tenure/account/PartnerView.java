package io.tenure.account;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A partner as the API shows it; a partner is tied to no account, so its instants are in the operator's zone. */
public record PartnerView(String id, String name, List<Contact> contacts, OffsetDateTime createdAt) {

  static PartnerView of(Partner partner, ZoneId operatorZone) {
    return new PartnerView(partner.id(), partner.name(), partner.contacts(), partner.createdAt().atZone(operatorZone).toOffsetDateTime());
  }
}
