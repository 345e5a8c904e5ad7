package io.tenure.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmsSuccessRuleTest {
  private static final SmsSuccessRule ALIBABA_LIKE = new SmsSuccessRule("200", Optional.of("Code"), Optional.of("OK"),
      Optional.of("BizId"), Set.of("isv.BUSINESS_LIMIT_CONTROL"));

  @Test
  void theExpectedFieldValueIsSentWithTheGatewaysMessageId() {
    assertThat(ALIBABA_LIKE.judge(200, "{\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}"))
        .isEqualTo(new Outcome.Sent(Optional.of("900619746936498440^0")));
  }

  @Test
  void anErrorCodeUnderASuccessStatusIsPermanentUnlessListedAsRetryable() {
    assertThat(ALIBABA_LIKE.judge(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}"))
        .isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
          assertThat(failed.retryable()).isFalse();
          assertThat(failed.reason()).contains("isv.MOBILE_NUMBER_ILLEGAL");
        });
    assertThat(ALIBABA_LIKE.judge(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}"))
        .isEqualTo(new Outcome.Failed(true, "The SMS gateway answered 200 with Code 'isv.BUSINESS_LIMIT_CONTROL': "
            + "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}."));
  }

  @Test
  void aSuccessStatusWhoseAnswerCannotBeReadIsUnknown() {
    assertThat(ALIBABA_LIKE.judge(200, "<html>proxy</html>")).isInstanceOf(Outcome.Unknown.class);
  }

  @Test
  void serverErrorsThrottlingAndTimeoutsAreRetryableOtherStatusesAreNot() {
    SmsSuccessRule rule = SmsSuccessRule.anySuccessStatus();
    assertThat(rule.judge(202, "")).isEqualTo(new Outcome.Sent(Optional.empty()));
    for (int status : new int[] {500, 503, 429, 408}) {
      assertThat(rule.judge(status, "")).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).as("status %d", status).isTrue());
    }
    for (int status : new int[] {400, 401, 404, 301}) {
      assertThat(rule.judge(status, "")).isInstanceOfSatisfying(Outcome.Failed.class,
          failed -> assertThat(failed.retryable()).as("status %d", status).isFalse());
    }
  }

  @Test
  void successStatusesAreRangesOrExactCodes() {
    SmsSuccessRule rule = new SmsSuccessRule("200, 3xx", Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    assertThat(rule.judge(302, "")).isInstanceOf(Outcome.Sent.class);
    assertThat(rule.judge(201, "")).isInstanceOf(Outcome.Failed.class);
    assertThatThrownBy(() -> new SmsSuccessRule("ok", Optional.empty(), Optional.empty(), Optional.empty(), Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2xx");
  }
}
