package io.tenure.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenure.account.ContactRole;
import io.tenure.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeRoutingFileTest {
  private static final List<ContactRole> EVERYONE = List.of(ContactRole.values());

  private static NoticeRouting builtIn() {
    return NoticeRoutingFile.parse(NoticeRoutingFile.builtInSource(), "routing.yaml");
  }

  /** The built-in file with one line replaced, to check that the error names that line. */
  private static String builtInWith(String line, String replacement) {
    String source = NoticeRoutingFile.builtInSource();
    assertThat(source).contains(line);
    return source.replaceFirst(java.util.regex.Pattern.quote(line), java.util.regex.Matcher.quoteReplacement(replacement));
  }

  private static int lineOf(String source, String text) {
    return source.substring(0, source.indexOf(text)).split("\n", -1).length;
  }

  @Test
  void theBuiltInRoutingCoversEveryMessageTypeInTheOrderOfTheTypes() {
    assertThat(builtIn().types().keySet()).containsExactlyElementsOf(MessageTypes.ALL);
    assertThat(MessageTypes.ALL).contains("LOW_BALANCE", "ARREARS", "HOLD_APPLIED", "HOLD_LIFTED", "EXPIRY_WARNING");
  }

  @Test
  void theBuiltInDefaultsAreThoseOfTheSpecificationTable() {
    NoticeRouting routing = builtIn();
    List<Channel> allChannels = List.of(Channel.EMAIL, Channel.SMS, Channel.IN_APP);
    List<Channel> noSms = List.of(Channel.EMAIL, Channel.IN_APP);
    assertThat(routing.type("EXPIRY_WARNING").defaults()).isEqualTo(Choice.of(
        List.of(ContactRole.OWNER, ContactRole.RESOURCE_COLLABORATOR, ContactRole.FINANCE_COLLABORATOR), allChannels));
    for (String type : List.of("AUTO_RENEW_INSUFFICIENT_BALANCE", "EXPIRED", "OVERDUE_REMINDER", "FROZEN",
        "RELEASE_SCHEDULED", "RELEASED", "ARREARS")) {
      assertThat(routing.type(type).defaults()).as(type).isEqualTo(Choice.of(EVERYONE, allChannels));
    }
    assertThat(routing.type("RENEWED").defaults()).isEqualTo(Choice.of(List.of(ContactRole.OWNER, ContactRole.FINANCE_COLLABORATOR), noSms));
    assertThat(routing.type("RESTORED").defaults()).isEqualTo(Choice.of(EVERYONE, noSms));
    assertThat(routing.type("LOW_BALANCE").defaults())
        .isEqualTo(Choice.of(List.of(ContactRole.OWNER, ContactRole.FINANCE_COLLABORATOR), allChannels));
    assertThat(routing.type("HOLD_APPLIED").defaults()).isEqualTo(Choice.of(List.of(ContactRole.OWNER), noSms));
    assertThat(routing.type("HOLD_LIFTED").defaults()).isEqualTo(Choice.of(List.of(ContactRole.OWNER), noSms));
  }

  @Test
  void theReleaseNoticesAlwaysReachTheOwnerByEmailAndInApp() {
    Floor ownerByEmailAndInApp = new Floor(List.of(ContactRole.OWNER), List.of(Channel.EMAIL, Channel.IN_APP));
    for (String type : List.of("EXPIRY_WARNING", "EXPIRED", "OVERDUE_REMINDER", "FROZEN", "RELEASE_SCHEDULED", "RELEASED",
        "AUTO_RENEW_INSUFFICIENT_BALANCE", "ARREARS", "HOLD_APPLIED")) {
      assertThat(builtIn().type(type).floor()).as(type).isEqualTo(ownerByEmailAndInApp);
    }
    for (String type : List.of("RENEWED", "RESTORED", "LOW_BALANCE", "HOLD_LIFTED")) {
      assertThat(builtIn().type(type).floor().asksNothing()).as(type).isTrue();
    }
  }

  @Test
  void refusesAnUnknownMessageTypeNamingItsLine() {
    String source = builtInWith("  HOLD_LIFTED:", "  HOLD_LIFTED:\n    roles: [OWNER]\n    channels: [EMAIL]\n  PAYDAY:");
    assertRefused(source, "routing.yaml:" + lineOf(source, "PAYDAY") + ": types.PAYDAY: is not a message type");
  }

  @Test
  void refusesAFileThatLeavesAMessageTypeOut() {
    String source = builtInWith("  HOLD_LIFTED:\n    roles: [OWNER]\n    channels: [EMAIL, IN_APP]\n", "");
    assertRefused(source, "types: has no routing for HOLD_LIFTED; every message type needs one");
  }

  @Test
  void refusesAnUnknownRoleOrChannelNamingTheElement() {
    String role = builtInWith("roles: [OWNER, FINANCE_COLLABORATOR]", "roles: [OWNER, PARTNER]");
    assertRefused(role, "routing.yaml:" + lineOf(role, "PARTNER") + ": types.RENEWED.roles[1]: 'PARTNER' is not one of");
    String channel = builtInWith("  HOLD_LIFTED:\n    roles: [OWNER]\n    channels: [EMAIL, IN_APP]",
        "  HOLD_LIFTED:\n    roles: [OWNER]\n    channels: [EMAIL, FAX]");
    assertRefused(channel, "types.HOLD_LIFTED.channels[1]: 'FAX' is not one of [EMAIL, SMS, IN_APP]");
  }

  @Test
  void refusesADefaultBelowItsFloorNamingTheFloor() {
    String source = builtInWith("  RELEASED:\n    roles: [OWNER, RESOURCE_COLLABORATOR, FINANCE_COLLABORATOR, COLLABORATOR]\n"
        + "    channels: [EMAIL, SMS, IN_APP]", "  RELEASED:\n    roles: [OWNER]\n    channels: [EMAIL, SMS]");
    assertRefused(source, ": types.RELEASED: the default lies below the floor: RELEASED must reach OWNER by EMAIL and IN_APP");
  }

  @Test
  void refusesUnknownFieldsRepeatsAndMalformedYaml() {
    assertRefused(builtInWith("  HOLD_LIFTED:\n    roles: [OWNER]", "  HOLD_LIFTED:\n    audience: all\n    roles: [OWNER]"),
        "types.HOLD_LIFTED.audience: is not a known field (known: channels, floor, partner, roles)");
    assertRefused(builtInWith("roles: [OWNER, FINANCE_COLLABORATOR]", "roles: [OWNER, OWNER]"),
        "types.RENEWED.roles[1]: OWNER is listed twice");
    assertRefused("types: [", "routing.yaml:1: (document): is not valid YAML");
    assertRefused("", "routing.yaml:1: (document): is empty");
    assertRefused("types: {}\n---\ntypes: {}", "has more after the notice routing ends");
    assertRefused(builtInWith("  RENEWED:", "  RENEWED:\n    roles: [OWNER]\n  RENEWED:"), "appears twice");
  }

  @Test
  void theBuiltInRoutingSendsLowBalanceAndArrearsToThePartnerAndNothingElse() {
    assertThat(builtIn().type("LOW_BALANCE").partner()).containsExactly(Channel.EMAIL);
    assertThat(builtIn().type("ARREARS").partner()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    MessageTypes.ALL.stream().filter(type -> !List.of("LOW_BALANCE", "ARREARS").contains(type))
        .forEach(type -> assertThat(builtIn().type(type).partner()).as(type).isEmpty());
  }

  @Test
  void refusesAPartnerInboxOrAPartnerThatIsNotAList() {
    String inbox = builtInWith("    partner: [EMAIL]", "    partner: [EMAIL, IN_APP]");
    assertRefused(inbox, "routing.yaml:" + lineOf(inbox, "partner: [EMAIL, IN_APP]") + ": types.LOW_BALANCE.partner[1]: a partner has no inbox");
    assertRefused(builtInWith("    partner: [EMAIL]", "    partner: true"),
        "types.LOW_BALANCE.partner: must be a list like [EMAIL]");
  }

  private static void assertRefused(String source, String message) {
    assertThatThrownBy(() -> NoticeRoutingFile.parse(source, "routing.yaml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message)
        .extracting(failure -> ((InvalidInputException) failure).code()).isEqualTo("INVALID_NOTICE_ROUTING");
  }
}
