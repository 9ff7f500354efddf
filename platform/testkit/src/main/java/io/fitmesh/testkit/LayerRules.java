package io.fitmesh.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.fitmesh.platform.config.Settings;
import java.util.regex.Pattern;

/**
 * The one shape every deployable has, held by tests. Each service module and the BFF run these rules over their
 * own classes ({@code @AnalyzeClasses(packages = "io.fitmesh.<service>")} with
 * {@code ArchTests.in(LayerRules.class)}).
 * <pre>
 * io.fitmesh.&lt;service&gt;            &lt;Service&gt;Deployable (wires), &lt;Service&gt;Backends (picks adapters), &lt;Service&gt;Main,
 *                                 &lt;Service&gt;Settings (its settings, read once)
 *   ..domain                      use cases, records, ports: no gRPC, protobuf, generated or driver types
 *   ..adapters                    outbound: stores, event publishers, clients of other services (ports' implementations)
 *   ..grpc                        inbound gRPC handlers: map proto to domain, call a use case, map back
 *   ..events                      inbound event consumers: map a payload to domain, call a use case
 *   ..codec                       proto to and from domain, shared by handlers, consumers and adapters
 * </pre>
 */
public final class LayerRules {
  // A deployable may not have every layer (yet): a rule that finds no class of its layer passes.
  private LayerRules() {}

  @ArchTest
  public static final ArchRule DOMAIN_SPEAKS_ONLY_DOMAIN = classes().that(layer("domain"))
      .should().onlyDependOnClassesThat(resideInAnyPackage(
          "java..", "org.slf4j..", "io.fitmesh.platform.errors..", "io.fitmesh.platform.geo..",
          "io.fitmesh.platform.limits..", "io.fitmesh.platform.domain..", "io.fitmesh.platform.cache..")
          .or(layer("domain")))
      .because("domain code imports no gRPC, protobuf, generated, broker or driver types")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule ADAPTERS_DO_NOT_REACH_INBOUND_SIDE = noClasses().that(layer("adapters"))
      .should().dependOnClassesThat(layer("grpc").or(layer("events")))
      .because("outbound adapters implement domain ports; they do not call handlers or consumers")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule HANDLERS_CALL_USE_CASES_NOT_ADAPTERS = noClasses().that(layer("grpc").or(layer("events")))
      .should().dependOnClassesThat(layer("adapters"))
      .because("inbound adapters call use cases; only the deployable's wiring knows outbound adapters")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule CODECS_DEPEND_ON_NO_ADAPTER = noClasses().that(layer("codec"))
      .should().dependOnClassesThat(layer("adapters").or(layer("grpc")).or(layer("events")))
      .because("codecs map protos and domain types, nothing else")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule ONLY_WIRING_PICKS_ADAPTERS = noClasses().that(not(layer("adapters")))
      .and().haveSimpleNameNotEndingWith("Deployable").and().haveSimpleNameNotEndingWith("Backends")
      .should().dependOnClassesThat(layer("adapters"))
      .because("backends are opened in one place, the deployable's <Service>Backends")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule SETTINGS_ARE_READ_BY_CONFIG_ONLY = noClasses().that()
      .haveSimpleNameNotEndingWith("Settings").and().haveSimpleNameNotEndingWith("Config")
      .should().dependOnClassesThat().areAssignableTo(Settings.class)
      .because("settings are read and checked once, at start, by a config class")
      .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule XML_IS_READ_ONLY_THROUGH_SAFE_XML = noClasses()
      .should().dependOnClassesThat().belongToAnyOf(javax.xml.stream.XMLInputFactory.class,
          javax.xml.parsers.DocumentBuilderFactory.class, javax.xml.parsers.SAXParserFactory.class,
          javax.xml.transform.TransformerFactory.class, javax.xml.validation.SchemaFactory.class)
      .because("untrusted XML is read only by io.fitmesh.platform.xml.SafeXml, with DTDs and external access off")
      .allowEmptyShould(true);

  /**
   * Classes of a layer of a deployable (io.fitmesh.&lt;service&gt;[.&lt;sub-service&gt;].&lt;layer&gt;), not of the platform and
   * not generated (io.fitmesh.&lt;domain&gt;.v1).
   */
  private static final Pattern GENERATED = Pattern.compile(".*\\.v\\d+(\\..*)?");

  static DescribedPredicate<JavaClass> layer(String name) {
    return DescribedPredicate.describe("a deployable's " + name + " layer", c -> {
      String pkg = c.getPackageName();
      return pkg.startsWith("io.fitmesh.") && !pkg.startsWith("io.fitmesh.platform.")
          && !GENERATED.matcher(pkg).matches() && ("." + pkg + ".").contains("." + name + ".");
    });
  }
}
