package io.fitmesh.platform.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import io.fitmesh.platform.errors.DomainException;
import org.junit.jupiter.api.Test;

class FieldLengthCheckTest {
  private static final String TOO_LONG = "x".repeat(4_001);

  @Test
  void aTooLongTextDeepInARecursiveType_isRefused_namingTheField() {
    Value deep = Value.newBuilder().setStringValue(TOO_LONG).build();
    Struct request = Struct.newBuilder().putFields("outer", Value.newBuilder()
        .setListValue(ListValue.newBuilder().addValues(Value.newBuilder()
            .setStructValue(Struct.newBuilder().putFields("inner", deep)))).build()).build();

    DomainException refused = catchThrowableOfType(() -> FieldLengthCheck.check(request), DomainException.class);

    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("string_value has 4001 characters; at most 4000");
  }

  @Test
  void textOfAllowedLength_passesAtAnyDepth() {
    Struct request = Struct.newBuilder().putFields("outer", Value.newBuilder()
        .setStructValue(Struct.newBuilder().putFields("inner", Value.newBuilder().setStringValue("fine").build()))
        .build()).build();

    assertThatCode(() -> FieldLengthCheck.check(request)).doesNotThrowAnyException();
  }

  @Test
  void holdsText_isFalseForTypesWithoutText_andTrueForTypesReachingTextThroughACycle() {
    assertThat(FieldLengthCheck.holdsText(Timestamp.getDescriptor())).isFalse();
    assertThat(FieldLengthCheck.holdsText(ListValue.getDescriptor())).as("ListValue -> Value -> string").isTrue();
    assertThat(FieldLengthCheck.holdsText(Struct.getDescriptor())).isTrue();
  }
}
