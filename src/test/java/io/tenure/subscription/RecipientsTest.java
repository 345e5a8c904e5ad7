package io.tenure.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenure.account.Contact;
import io.tenure.account.ContactRole;
import io.tenure.subscription.Recipients.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientsTest {
  private static final NoticeRouting ROUTING = NoticeRoutingFile.parse(NoticeRoutingFile.builtInSource(), "routing.yaml");
  private static final String ACCOUNT = "acc_1";
  private static final Contact OWNER = new Contact("Owner", ContactRole.OWNER, "owner@example.com", "+86 138 0000 0001");
  private static final Contact RESOURCES = new Contact("Ops", ContactRole.RESOURCE_COLLABORATOR, "ops@example.com", "+86 138 0000 0002");
  private static final Contact FINANCE = new Contact("Finance", ContactRole.FINANCE_COLLABORATOR, "money@example.com", "+86 138 0000 0003");
  private static final Contact HELPER = new Contact("Helper", ContactRole.COLLABORATOR, "help@example.com", "+86 138 0000 0004");
  private static final List<Contact> EVERYONE = List.of(OWNER, RESOURCES, FINANCE, HELPER);

  private static final Contact RESELLER = new Contact("Reseller", ContactRole.OWNER, "alerts@reseller.example", "+86 139 0000 0009");

  private static List<String> resolve(String type, List<Contact> contacts, Map<String, Choice> choices) {
    return resolve(type, contacts, choices, List.of());
  }

  private static List<String> resolve(String type, List<Contact> contacts, Map<String, Choice> choices, List<Contact> partner) {
    return Recipients.resolve(type, ACCOUNT, contacts, choices, ROUTING, partner).stream().map(RecipientsTest::line).toList();
  }

  private static String line(Recipient recipient) {
    return recipient.contact().map(Contact::name).orElse("inbox") + " " + recipient.channel() + " " + recipient.address();
  }

  /** The lines every contact of {@code roles} gets over {@code channels}, in contact order, then the inbox. */
  private static List<String> expected(List<Contact> reached, boolean sms, boolean inApp) {
    List<String> lines = new ArrayList<>();
    for (Contact contact : reached) {
      lines.add(contact.name() + " EMAIL " + contact.email());
      if (sms) {
        lines.add(contact.name() + " SMS " + contact.phone());
      }
    }
    if (inApp) {
      lines.add("inbox IN_APP " + ACCOUNT);
    }
    return lines;
  }

  @Test
  void everyTypeReachesItsDefaultRolesOverItsDefaultChannels() {
    assertThat(resolve("EXPIRY_WARNING", EVERYONE, Map.of())).isEqualTo(expected(List.of(OWNER, RESOURCES, FINANCE), true, true));
    for (String type : List.of("AUTO_RENEW_INSUFFICIENT_BALANCE", "EXPIRED", "OVERDUE_REMINDER", "FROZEN", "RELEASE_SCHEDULED",
        "RELEASED", "ARREARS")) {
      assertThat(resolve(type, EVERYONE, Map.of())).as(type).isEqualTo(expected(EVERYONE, true, true));
    }
    assertThat(resolve("RENEWED", EVERYONE, Map.of())).isEqualTo(expected(List.of(OWNER, FINANCE), false, true));
    assertThat(resolve("RESTORED", EVERYONE, Map.of())).isEqualTo(expected(EVERYONE, false, true));
    assertThat(resolve("LOW_BALANCE", EVERYONE, Map.of())).isEqualTo(expected(List.of(OWNER, FINANCE), true, true));
    assertThat(resolve("HOLD_APPLIED", EVERYONE, Map.of())).isEqualTo(expected(List.of(OWNER), false, true));
    assertThat(resolve("HOLD_LIFTED", EVERYONE, Map.of())).isEqualTo(expected(List.of(OWNER), false, true));
  }

  @Test
  void theAccountsChoiceReplacesTheDefaultOfThatTypeOnly() {
    Choice noSms = Choice.of(List.of(ContactRole.OWNER, ContactRole.RESOURCE_COLLABORATOR, ContactRole.FINANCE_COLLABORATOR),
        List.of(Channel.EMAIL, Channel.IN_APP));
    Map<String, Choice> choices = Map.of("EXPIRY_WARNING", noSms);
    assertThat(resolve("EXPIRY_WARNING", EVERYONE, choices)).isEqualTo(expected(List.of(OWNER, RESOURCES, FINANCE), false, true));
    assertThat(resolve("EXPIRED", EVERYONE, choices)).isEqualTo(expected(EVERYONE, true, true));
  }

  @Test
  void theFloorStillReachesTheOwnerWhenAStoredChoiceLiesBelowIt() {
    // A choice stored before the operator raised the floor: the floor is added at delivery.
    Choice financeBySms = Choice.of(List.of(ContactRole.FINANCE_COLLABORATOR), List.of(Channel.SMS));
    assertThat(resolve("RELEASED", EVERYONE, Map.of("RELEASED", financeBySms))).containsExactly(
        "Owner EMAIL owner@example.com", "Finance SMS +86 138 0000 0003", "inbox IN_APP " + ACCOUNT);
  }

  @Test
  void aTypeWithoutFloorCanBeSwitchedOffEntirely() {
    Choice nobody = Choice.of(List.of(), List.of(Channel.EMAIL, Channel.IN_APP));
    assertThat(resolve("RENEWED", EVERYONE, Map.of("RENEWED", nobody))).isEmpty();
    assertThat(resolve("RENEWED", EVERYONE, Map.of("RENEWED", Choice.of(List.of(ContactRole.OWNER), List.of())))).isEmpty();
  }

  @Test
  void contactsWithoutTheChannelsAddressAreSkippedForThatChannelOnly() {
    Contact emailOnly = new Contact("Mail", ContactRole.RESOURCE_COLLABORATOR, "mail@example.com", null);
    Contact phoneOnly = new Contact("Phone", ContactRole.FINANCE_COLLABORATOR, null, "+86 138 0000 0009");
    assertThat(resolve("EXPIRY_WARNING", List.of(OWNER, emailOnly, phoneOnly), Map.of())).containsExactly(
        "Owner EMAIL owner@example.com", "Owner SMS +86 138 0000 0001", "Mail EMAIL mail@example.com",
        "Phone SMS +86 138 0000 0009", "inbox IN_APP " + ACCOUNT);
  }

  @Test
  void aContactChosenByRoleAndByAddressGetsOneDeliveryPerChannel() {
    Choice both = new Choice(List.of(ContactRole.OWNER), List.of("OWNER@example.com", "money@example.com"),
        List.of(Channel.EMAIL, Channel.SMS));
    assertThat(resolve("RENEWED", EVERYONE, Map.of("RENEWED", both))).containsExactly(
        "Owner EMAIL owner@example.com", "Owner SMS +86 138 0000 0001", "Finance EMAIL money@example.com",
        "Finance SMS +86 138 0000 0003");
  }

  @Test
  void twoContactsSharingAnAddressGetOneDeliveryThere() {
    Contact sameMailbox = new Contact("Owner again", ContactRole.FINANCE_COLLABORATOR, "Owner@Example.com", "+8613800000001");
    assertThat(resolve("LOW_BALANCE", List.of(OWNER, sameMailbox), Map.of())).containsExactly(
        "Owner EMAIL owner@example.com", "Owner SMS +86 138 0000 0001", "inbox IN_APP " + ACCOUNT);
  }

  @Test
  void aNamedAddressNoLongerAmongTheContactsReachesNoOne() {
    Choice gone = new Choice(List.of(), List.of("left@example.com"), List.of(Channel.EMAIL));
    assertThat(resolve("RENEWED", EVERYONE, Map.of("RENEWED", gone))).isEmpty();
  }

  @Test
  void theInboxGetsOneDeliveryEvenWhenNoContactHasTheChosenRole() {
    assertThat(resolve("RENEWED", List.of(OWNER, HELPER),
        Map.of("RENEWED", Choice.of(List.of(ContactRole.FINANCE_COLLABORATOR), List.of(Channel.IN_APP)))))
        .containsExactly("inbox IN_APP " + ACCOUNT);
  }

  @Test
  void theOrderFollowsTheAccountsContactsWhateverTheOrderOfTheChoice() {
    Choice reversed = new Choice(List.of(ContactRole.COLLABORATOR, ContactRole.OWNER), List.of(),
        List.of(Channel.IN_APP, Channel.SMS, Channel.EMAIL));
    assertThat(resolve("RESTORED", List.of(HELPER, OWNER), Map.of("RESTORED", reversed))).isEqualTo(
        expected(List.of(HELPER, OWNER), true, true));
  }

  @Test
  void thePartnerGetsArrearsByEmailAndSmsAfterTheAccountsContactsAndBeforeTheInbox() {
    assertThat(resolve("ARREARS", List.of(OWNER), Map.of(), List.of(RESELLER))).containsExactly(
        "Owner EMAIL owner@example.com", "Owner SMS +86 138 0000 0001",
        "Reseller EMAIL alerts@reseller.example", "Reseller SMS +86 139 0000 0009", "inbox IN_APP " + ACCOUNT);
  }

  @Test
  void thePartnerGetsLowBalanceByEmailEvenWhenTheAccountSwitchedItOff() {
    Choice off = new Choice(List.of(), List.of(), List.of());
    assertThat(resolve("LOW_BALANCE", EVERYONE, Map.of("LOW_BALANCE", off), List.of(RESELLER)))
        .containsExactly("Reseller EMAIL alerts@reseller.example");
  }

  @Test
  void thePartnerGetsNoMessageOfATypeItsRoutingDoesNotSendIt() {
    assertThat(resolve("RENEWED", List.of(OWNER), Map.of(), List.of(RESELLER)))
        .isEqualTo(resolve("RENEWED", List.of(OWNER), Map.of()));
  }

  @Test
  void aPartnerContactSharingAnAccountContactsAddressGetsOneMessage() {
    Contact sameMailbox = new Contact("Reseller desk", ContactRole.OWNER, "OWNER@example.com", null);
    assertThat(resolve("LOW_BALANCE", List.of(OWNER), Map.of(), List.of(sameMailbox)))
        .filteredOn(line -> line.contains("EMAIL")).containsExactly("Owner EMAIL owner@example.com");
  }
}
