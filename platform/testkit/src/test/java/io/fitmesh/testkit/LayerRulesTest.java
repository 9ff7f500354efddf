package io.fitmesh.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each layer rule reports the violation it exists for (fixtures in io.fitmesh.example). */
class LayerRulesTest {
  private static final JavaClasses EXAMPLE = new ClassFileImporter().importPackages("io.fitmesh.example");

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(EXAMPLE);
    return String.join("\n", result.getFailureReport().getDetails());
  }

  @Test
  void domainThatSpeaksProtobuf_isReported() {
    assertThat(violations(LayerRules.DOMAIN_SPEAKS_ONLY_DOMAIN)).contains("LeakyUseCase", "com.google.protobuf");
  }

  @Test
  void adapterCallingAHandler_isReported() {
    assertThat(violations(LayerRules.ADAPTERS_DO_NOT_REACH_INBOUND_SIDE)).contains("HandlerCallingStore");
  }

  @Test
  void handlerBuildingAnAdapter_isReported_andOnlyTheWiringMayPickAdapters() {
    assertThat(violations(LayerRules.HANDLERS_CALL_USE_CASES_NOT_ADAPTERS)).contains("StoreReadingHandler");
    assertThat(violations(LayerRules.ONLY_WIRING_PICKS_ADAPTERS)).contains("StoreReadingHandler", "CodecUsingAdapter");
  }

  @Test
  void codecReachingAnAdapter_isReported() {
    assertThat(violations(LayerRules.CODECS_DEPEND_ON_NO_ADAPTER)).contains("CodecUsingAdapter");
  }

  @Test
  void settingsReadOutsideAConfigClass_areReported() {
    assertThat(violations(LayerRules.SETTINGS_ARE_READ_BY_CONFIG_ONLY)).contains("HandlerCallingStore");
  }

  @Test
  void anXmlFactoryOutsideSafeXml_isReported() {
    assertThat(violations(LayerRules.XML_IS_READ_ONLY_THROUGH_SAFE_XML)).contains("UnsafeXmlReader");
  }
}
