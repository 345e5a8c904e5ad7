package io.tenure;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pins the dependency rules that keep the domain pure and HTTP at the edge. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tenure");
  }

  @Test
  void lifecycleRulesDoNoInputOrOutput() {
    noClasses().that().resideInAPackage("io.tenure.lifecycle")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "io.javalin..", "java.sql..", "java.net..",
            "io.tenure.store..", "io.tenure.api..", "io.tenure.resource..", "io.tenure.engine..")
        .check(classes);
  }

  @Test
  void thePureLifecycleRulesDependOnlyOnErrorsAndMoney() {
    noClasses().that().resideInAPackage("io.tenure.lifecycle")
        .should().dependOnClassesThat(resideInAPackage("io.tenure..")
            .and(not(resideInAnyPackage("io.tenure.lifecycle", "io.tenure.error", "io.tenure.money"))))
        .check(classes);
  }

  @Test
  void pricingAndTermRulesDoNoInputOrOutput() {
    noClasses().that().haveSimpleNameStartingWith("Pricing").or().haveSimpleNameStartingWith("Proration")
        .or().haveSimpleNameStartingWith("TermRules").or().haveSimpleNameStartingWith("Limits")
        .or().haveSimpleNameStartingWith("CatalogFile")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "io.javalin..", "java.sql..", "io.tenure.api..")
        .check(classes);
  }

  @Test
  void onlyRoutesTheApiPackageAndTheConsoleSpeakHttp() {
    noClasses().that().resideOutsideOfPackages("io.tenure.api", "io.tenure.console..").and().haveSimpleNameNotEndingWith("Routes")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(classes);
  }

  @Test
  void domainCodeReadsTimeOnlyFromTheInjectedClock() {
    noClasses().that().resideInAnyPackage("io.tenure.lifecycle..", "io.tenure.resource..", "io.tenure.catalog..",
            "io.tenure.ledger..", "io.tenure.account..", "io.tenure.billing..", "io.tenure.notify..")
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(classes);
  }

  @Test
  void moneyIsABaseTypeThatDependsOnlyOnErrors() {
    noClasses().that().resideInAPackage("io.tenure.money")
        .should().dependOnClassesThat(resideInAPackage("io.tenure..")
            .and(not(resideInAnyPackage("io.tenure.money", "io.tenure.error"))))
        .check(classes);
  }

  @Test
  void noLoopBetweenPackages() {
    slices().matching("io.tenure.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theCommandLineAndItsBenchLoaderStandAboveEverything() {
    noClasses().that().resideOutsideOfPackage("io.tenure.cli")
        .should().dependOnClassesThat().resideInAPackage("io.tenure.cli")
        .check(classes);
  }

  /** A call that sends SQL of its own through a Jdbi handle (passing a handle on to a store does not). */
  private static final DescribedPredicate<JavaCall<?>> RUNS_SQL =
      target(owner(assignableTo(Handle.class))).and(target(nameMatching("create.*|prepareBatch|select|execute")))
          .as("runs SQL through a Jdbi handle");

  @Test
  void routesRunNoSqlThemselves() {
    noClasses().that().haveSimpleNameEndingWith("Routes").should().callMethodWhere(RUNS_SQL).check(classes);
  }

  @Test
  void theApiPackageRunsNoSqlButItsFrozenIdempotencyStore() {
    // Frozen exception, for a later step of issue 10 section 3: Idempotency's table idempotency_keys gets its
    // own store outside the HTTP plumbing.
    noClasses().that().resideInAPackage("io.tenure.api").and().doNotHaveSimpleName("Idempotency")
        .should().callMethodWhere(RUNS_SQL).check(classes);
  }

  @Test
  void theConsoleRunsNoSqlButItsSessionStore() {
    // The console reads and changes through the API (io.tenure.console.ApiClient); only its sessions are its own.
    noClasses().that().resideInAPackage("io.tenure.console..").and().doNotHaveSimpleName("SessionStore")
        .should().callMethodWhere(RUNS_SQL).check(classes);
  }

  /** A call that builds or fills a map or a Jackson tree: the makings of an answer written by hand. */
  private static final DescribedPredicate<JavaCall<?>> BUILDS_A_MAP_OR_JSON_TREE =
      target(owner(assignableTo(Map.class))).and(target(nameMatching("<init>|of|ofEntries|put|putAll|putIfAbsent")))
          .or(target(owner(assignableTo(JsonNode.class))))
          .or(target(owner(assignableTo(ObjectMapper.class))).and(target(nameMatching("create.*Node|valueToTree"))))
          .as("builds a map or a JSON tree");

  @Test
  void answersAreRecordsNotMapsBuiltByHand() {
    noClasses().that().haveSimpleNameEndingWith("Routes").or().haveSimpleNameEndingWith("View")
        .or().haveSimpleNameEndingWith("Views")
        // The console's pages read the API's answers as JSON; what they render are records (its view models).
        .and().resideOutsideOfPackage("io.tenure.console..")
        .should().callCodeUnitWhere(BUILDS_A_MAP_OR_JSON_TREE).check(classes);
  }

  @Test
  void channelsKeepNoStateOfTheirOwn() {
    // The deliveries' store, the fan-out, the dispatcher and the operator's routes own the database side.
    noClasses().that().resideInAPackage("io.tenure.delivery")
        .and().haveNameNotMatching("io\\.tenure\\.delivery\\.(DeliveryStore|FanOut|Dispatcher|DeliveryRoutes)(\\$.*)?")
        .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..", "io.javalin..", "io.tenure.store..")
        .check(classes);
  }

  @Test
  void theLedgerKnowsNothingOfWhatIsBilled() {
    noClasses().that().resideInAPackage("io.tenure.ledger")
        .should().dependOnClassesThat().resideInAnyPackage("io.tenure.billing..", "io.tenure.resource..", "io.tenure.lifecycle..")
        .check(classes);
  }
}
