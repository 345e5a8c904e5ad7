package io.tenure.ledger;

import io.javalin.http.Context;
import io.tenure.account.Account;
import io.tenure.account.AccountChanges;
import io.tenure.account.AccountRoutes;
import io.tenure.account.ChangeLock;
import io.tenure.api.Caller;
import io.tenure.api.Idempotency;
import io.tenure.api.Json;
import io.tenure.api.Page;
import io.tenure.api.QueryParameters;
import io.tenure.api.Routes;
import io.tenure.clock.TenureClock;
import io.tenure.error.Require;
import io.tenure.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Top-ups, operator adjustments, and the account's ledger. */
public final class LedgerRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerRoutes.class);
  private static final BigDecimal MAXIMUM_AMOUNT = new BigDecimal("1000000000");

  private final Jdbi jdbi;
  private final Ledger ledger;
  private final AccountRoutes accounts;
  private final Idempotency idempotency;
  private final TenureClock clock;
  private final AccountChanges accountChanges;
  private final List<AfterTopUp> afterTopUp;

  /**
   * @param afterTopUp run in the top-up's transaction once the money is in: retries due auto-renewals and
   *     ends arrears (later capabilities register here)
   */
  public LedgerRoutes(Jdbi jdbi, Ledger ledger, AccountRoutes accounts, Idempotency idempotency, TenureClock clock,
      AccountChanges accountChanges, List<AfterTopUp> afterTopUp) {
    this.jdbi = jdbi;
    this.ledger = ledger;
    this.accounts = accounts;
    this.idempotency = idempotency;
    this.clock = clock;
    this.accountChanges = accountChanges;
    this.afterTopUp = afterTopUp;
  }

  record TopUp(BigDecimal amount, String description) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(amount, "amount");
      Require.field(amount.signum() > 0, "amount", "must be positive, was %s", amount.toPlainString());
      Require.field(amount.compareTo(MAXIMUM_AMOUNT) <= 0, "amount", "must be at most %s", MAXIMUM_AMOUNT.toPlainString());
      Require.field(description == null || description.length() <= 500, "description", "must be at most 500 characters");
    }
  }

  record Adjustment(BigDecimal amount, String reason) implements Json.Validated {
    @Override
    public void validate() {
      Require.present(amount, "amount");
      Require.field(amount.signum() != 0, "amount", "must not be zero");
      Require.field(amount.abs().compareTo(MAXIMUM_AMOUNT) <= 0, "amount", "must be at most %s", MAXIMUM_AMOUNT.toPlainString());
      Require.present(reason, "reason");
      Require.field(!reason.isBlank() && reason.length() <= 500, "reason", "must be 1 to 500 characters");
    }
  }

  public void register(Routes routes) {
    // Top-ups record money received, by the operator (offline payments) or the partner on the account's behalf.
    routes.post("/v1/accounts/{id}/top-ups", Routes.Access.OPERATOR_OR_PARTNER, this::topUp);
    routes.post("/v1/accounts/{id}/adjustments", Routes.Access.OPERATOR, this::adjust);
    routes.get("/v1/accounts/{id}/ledger", Routes.Access.KEY, this::history);
  }

  private void topUp(Context context, Caller caller) {
    TopUp request = Json.read(context.bodyAsBytes(), TopUp.class);
    String accountId = context.pathParam("id");
    idempotency.once(context, true, handle -> accounts.visibleLocked(handle, caller, accountId), locked -> locked.account().id(),
        (handle, locked) -> {
          Account account = locked.account();
          Money amount = Money.of(request.amount(), account.currency(), "amount");
          // One instant for the whole top-up: the catch-up, the posting and what the hooks do after it.
          Instant now = clock.now();
          return accountChanges.change(handle, accountId, locked.lock(), now, () -> {
            // The lock read the wallet, locked: the posting goes with the commit unless the catch-up moved it.
            ChangeLock.Seen seen = locked.lock().seen(now);
            Ledger.Posted posted = ledger.topUp(handle, accountId, amount,
                request.description() == null ? "Top-up" : request.description(), now, seen.wallet());
            LOG.info("ledger - top-up {} of {} to account {}", posted.transactionId(), amount, accountId);
            // The hooks see the account as it is now: as the lock read it, unless the catch-up ran first.
            Account current = locked.lock().dueBy(now) ? accounts.visible(handle, caller, accountId) : account;
            boolean spent = false;
            for (AfterTopUp hook : afterTopUp) {
              spent |= hook.run(handle, current, now, seen.withoutWallet());
            }
            // A hook that spent some of the money (a due auto-renewal) leaves another balance than the posting's.
            return new Idempotency.Reply(201, spent ? new Ledger.Posted(posted.transactionId(), ledger.balance(handle, accountId)) : posted);
          });
        });
  }

  private void adjust(Context context, Caller caller) {
    Adjustment request = Json.read(context.bodyAsBytes(), Adjustment.class);
    String accountId = context.pathParam("id");
    idempotency.once(context, true, handle -> accounts.visibleLocked(handle, caller, accountId), locked -> locked.account().id(),
        (handle, locked) -> {
          Money amount = Money.of(request.amount(), locked.account().currency(), "amount");
          Instant now = clock.now();
          return accountChanges.change(handle, accountId, locked.lock(), now, () -> {
            Ledger.Posted posted = ledger.adjust(handle, accountId, amount, request.reason(), now);
            LOG.info("ledger - adjustment {} of {} to account {}", posted.transactionId(), request.amount(), accountId);
            return new Idempotency.Reply(201, posted);
          });
        });
  }

  private void history(Context context, Caller caller) {
    int limit = QueryParameters.limit(context);
    Long before = QueryParameters.optionalNumber(context, "before").orElse(null);
    context.json(jdbi.withHandle(handle -> {
      Account account = accounts.visible(handle, caller, context.pathParam("id"));
      return Page.of(ledger.page(handle, account.id(), before, limit), limit,
          transaction -> TransactionView.of(transaction, account.timeZone()), Ledger.Transaction::sequence);
    }));
  }
}
