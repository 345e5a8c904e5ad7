package io.tenure.notify;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.tenure.account.AccountLocale;
import io.tenure.lifecycle.NoticeType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a notice for every channel, in the account's language: the words from the message bundles
 * ({@code notices/notices_en.properties}, {@code notices_zh_CN}), the e-mail's layout from the jte templates
 * ({@code src/main/jte}, compiled to Java at build time). Every notice names the plan and the resource, the
 * amounts it is about, its dates in the account's zone, and, before a release, the exact release instant.
 * Deterministic: the same facts and locale give the same content. The bundles and templates are loaded once;
 * thread-safe.
 */
public final class NoticeContent {
  private static final Map<AccountLocale, NoticeBundle> BUNDLES = bundles();
  private static final TemplateEngine HTML = TemplateEngine.createPrecompiled(null, ContentType.Html,
      NoticeContent.class.getClassLoader(), "io.tenure.notify.templates.html");
  private static final TemplateEngine TEXT = TemplateEngine.createPrecompiled(null, ContentType.Plain,
      NoticeContent.class.getClassLoader(), "io.tenure.notify.templates.text");
  private static final String TEMPLATE = "notice.jte";

  private NoticeContent() {}

  /** The notice of {@code facts} in {@code locale}. */
  public static Rendered render(NoticeFacts facts, AccountLocale locale) {
    NoticeBundle bundle = BUNDLES.get(locale);
    Map<String, String> values = NoticeWording.values(facts, bundle);
    String variant = NoticeWording.variant(facts);
    List<String> sentences = new ArrayList<>();
    sentences.add(bundle.text(variant + ".body", values));
    NoticeWording.releaseSentence(facts, "").forEach(key -> sentences.add(bundle.text(key, values)));
    NoticeWording.amountSentences(facts).forEach(key -> sentences.add(bundle.text(key, values)));

    String title = bundle.text(variant + ".title", values);
    // Chinese sentences follow each other with no space between them.
    String body = String.join(locale == AccountLocale.ZH_CN ? "" : " ", sentences);
    values.put("title", title);
    String subject = bundle.text(facts.resourceId().isPresent() ? "email.subject" : "email.subject.account", values);
    NoticeEmail email = new NoticeEmail(locale.tag(), bundle.raw("email.greeting"), title, List.copyOf(sentences),
        details(facts, bundle, values), bundle.raw("email.details"), bundle.raw("email.footer"));
    return new Rendered(subject, template(HTML, email), template(TEXT, email), sms(facts, bundle, variant, values),
        NoticeWording.smsParameters(facts, values), title, body);
  }

  private static String sms(NoticeFacts facts, NoticeBundle bundle, String variant, Map<String, String> values) {
    StringBuilder text = new StringBuilder(bundle.text(variant + ".sms", values));
    NoticeWording.releaseSentence(facts, "sms.").forEach(key -> text.append(' ').append(bundle.text(key, values)));
    values.put("text", text.toString());
    String sms = bundle.text("sms.format", values);
    // A space before a Chinese sentence is not written in Chinese.
    return sms.replace("。 ", "。");
  }

  /** The e-mail's table of facts: only those the notice has. */
  private static List<NoticeEmail.Detail> details(NoticeFacts facts, NoticeBundle bundle, Map<String, String> values) {
    List<NoticeEmail.Detail> details = new ArrayList<>();
    facts.plan().ifPresent(plan -> details.add(new NoticeEmail.Detail(bundle.raw("label.plan"), plan)));
    facts.resourceId().ifPresent(id -> details.add(new NoticeEmail.Detail(bundle.raw("label.resource"), id)));
    facts.termEnd().ifPresent(end -> details.add(new NoticeEmail.Detail(bundle.raw("label.termEnd"), values.get("termEnd"))));
    facts.releaseAt().ifPresent(at -> details.add(new NoticeEmail.Detail(
        bundle.raw(facts.type() == NoticeType.RELEASED ? "label.releasedAt" : "label.releaseAt"), values.get("releaseAt"))));
    facts.renewalPrice().ifPresent(price -> details.add(new NoticeEmail.Detail(bundle.raw("label.price"), values.get("price"))));
    facts.balance().ifPresent(balance -> details.add(new NoticeEmail.Detail(bundle.raw("label.balance"), values.get("balance"))));
    facts.threshold().ifPresent(threshold -> details.add(new NoticeEmail.Detail(
        bundle.raw(facts.type() == NoticeType.LOW_BALANCE ? "label.lowBalanceThreshold" : "label.creditLimit"),
        values.get("threshold"))));
    facts.holdReason().ifPresent(reason -> details.add(new NoticeEmail.Detail(bundle.raw("label.reason"), values.get("reason"))));
    return details;
  }

  private static String template(TemplateEngine engine, NoticeEmail email) {
    StringOutput output = new StringOutput();
    engine.render(TEMPLATE, email, output);
    return output.toString();
  }

  private static Map<AccountLocale, NoticeBundle> bundles() {
    Map<AccountLocale, NoticeBundle> bundles = new EnumMap<>(AccountLocale.class);
    for (AccountLocale locale : AccountLocale.values()) {
      bundles.put(locale, NoticeBundle.load(locale));
    }
    return bundles;
  }
}
