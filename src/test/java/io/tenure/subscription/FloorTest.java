package io.tenure.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.account.ContactRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorTest {
  private static final Floor OWNER_BY_EMAIL_AND_IN_APP = new Floor(List.of(ContactRole.OWNER), List.of(Channel.IN_APP, Channel.EMAIL));

  @Test
  void namesItsRolesAndChannelsInOneSentence() {
    assertThat(OWNER_BY_EMAIL_AND_IN_APP.sentence("RELEASED")).isEqualTo("RELEASED must reach OWNER by EMAIL and IN_APP.");
    assertThat(new Floor(List.of(ContactRole.OWNER, ContactRole.FINANCE_COLLABORATOR), List.of(Channel.EMAIL, Channel.SMS,
        Channel.IN_APP)).sentence("ARREARS")).isEqualTo("ARREARS must reach OWNER and FINANCE_COLLABORATOR by EMAIL, SMS and IN_APP.");
  }

  @Test
  void allowsAChoiceThatAddsToItAndRefusesOneThatDropsARoleOrAChannel() {
    assertThat(OWNER_BY_EMAIL_AND_IN_APP.allows(Choice.of(List.of(ContactRole.OWNER, ContactRole.COLLABORATOR),
        List.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP)))).isTrue();
    assertThat(OWNER_BY_EMAIL_AND_IN_APP.allows(Choice.of(List.of(ContactRole.OWNER), List.of(Channel.EMAIL)))).isFalse();
    assertThat(OWNER_BY_EMAIL_AND_IN_APP.allows(Choice.of(List.of(ContactRole.COLLABORATOR), List.of(Channel.EMAIL, Channel.IN_APP))))
        .isFalse();
    assertThat(Floor.NONE.allows(Choice.of(List.of(), List.of()))).isTrue();
  }
}
