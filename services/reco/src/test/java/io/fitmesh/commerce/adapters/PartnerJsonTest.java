package io.fitmesh.commerce.adapters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fitmesh.commerce.domain.Availability;
import io.fitmesh.commerce.domain.CatalogueFailure;
import io.fitmesh.commerce.domain.Unavailable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a partner's untrusted answer: the contract's shape or BAD_ANSWER, never the answer's text. */
class PartnerJsonTest {
  private static final Set<String> ASKED = Set.of("SHOE-PEG40-42", "HRM-STRAP-BT");

  @Test
  void question_isTheContractsJson() {
    assertThat(PartnerJson.question("DE", List.of("SHOE-PEG40-42", "a\"b")))
        .isEqualTo("{\"region\":\"DE\",\"skus\":[\"SHOE-PEG40-42\",\"a\\\"b\"]}");
  }

  @Test
  void aWellFormedAnswer_givesTheAskedItems_andIgnoresOthersAndUnknownFields() {
    Map<String, Availability> found = PartnerJson.answer(bytes("""
        {"region":"DE","currency":"EUR","served_by":"shop-7","items":[
          {"sku":"SHOE-PEG40-42","in_stock":true,"price_minor":12999,"name":"Pegasus 40"},
          {"sku":"GPS-WATCH-265","in_stock":true,"price_minor":44999}]}
        """), "DE", ASKED);

    assertThat(found).containsOnly(
        Map.entry("SHOE-PEG40-42", new Availability("SHOE-PEG40-42", true, 12999, "EUR")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json at all",
      "[]",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[]} trailing",
      "{\"region\":\"DE\",\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[]}",
      "{\"region\":\"GB\",\"currency\":\"GBP\",\"items\":[]}",
      "{\"currency\":\"EUR\",\"items\":[]}",
      "{\"region\":\"DE\",\"currency\":\"eur\",\"items\":[]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\"}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":{}}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[42]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"\",\"in_stock\":true,\"price_minor\":1}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":\"yes\","
          + "\"price_minor\":1}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":true,"
          + "\"price_minor\":-1}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":true,"
          + "\"price_minor\":12.5}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":true,"
          + "\"price_minor\":99999999999999999999}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":true}]}",
      "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":true,"
          + "\"price_minor\":1},{\"sku\":\"SHOE-PEG40-42\",\"in_stock\":false,\"price_minor\":1}]}"})
  void aWrongShapedAnswer_isBadAnswer(String body) {
    CatalogueFailure failure = catchThrowableOfType(CatalogueFailure.class,
        () -> PartnerJson.answer(bytes(body), "DE", ASKED));

    assertThat(failure.reason()).isEqualTo(Unavailable.BAD_ANSWER);
  }

  @Test
  void aSkuLongerThan64_isBadAnswer() {
    String body = "{\"region\":\"DE\",\"currency\":\"EUR\",\"items\":[{\"sku\":\"" + "S".repeat(65)
        + "\",\"in_stock\":true,\"price_minor\":1}]}";

    assertThat(catchThrowableOfType(CatalogueFailure.class, () -> PartnerJson.answer(bytes(body), "DE", ASKED))
        .reason()).isEqualTo(Unavailable.BAD_ANSWER);
  }

  @Test
  void aBadAnswer_neverRepeatsThePartnersText() {
    CatalogueFailure failure = catchThrowableOfType(CatalogueFailure.class,
        () -> PartnerJson.answer(bytes("{\"region\": secret-partner-text"), "DE", ASKED));

    assertThat(failure).hasMessageNotContaining("secret-partner-text").hasNoCause();
  }

  @Test
  void deeplyNestedJson_isBadAnswer() {
    String body = "[".repeat(10_000) + "]".repeat(10_000);

    assertThat(catchThrowableOfType(CatalogueFailure.class, () -> PartnerJson.answer(bytes(body), "DE", ASKED))
        .reason()).isEqualTo(Unavailable.BAD_ANSWER);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
