package dev.gmesim.core.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EffectTest {

  @Test
  void theWireNamesAreTheOnesTheDocsList() {
    assertThat(Effect.wireNames()).containsExactly("error", "noReply", "disconnect", "reset", "networkDown",
        "connectionReset",
        "emptyResponse", "malformedBody", "serverError", "apiError", "poorNetwork");
    assertThat(FaultRuleJson.EFFECTS).isEqualTo(Effect.wireNames());
  }

  @ParameterizedTest
  @EnumSource(Effect.class)
  void eachWireNameReadsBackAsItsEffect(Effect effect) {
    assertThat(Effect.fromWire(effect.wireName())).hasValue(effect);
    assertThat(Effect.renamed(effect.wireName())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Fault.HttpFailure.class)
  void eachHttpFailureIsWrittenByItsEffectName(Fault.HttpFailure failure) {
    FaultRule rule = FaultRule.on(Operation.PTT_UPLOAD).http(failure).build();
    String json = FaultRuleJson.write(rule);
    assertThat(json).contains("\"effect\":\"" + failure.effect().wireName() + "\"");
    assertThat(FaultRuleJson.parse(json).fault()).isEqualTo(rule.fault());
  }

  @Test
  void eachFaultKnowsItsEffect() {
    assertThat(Effect.of(Fault.error(GmeErrorCode.AV_ERR_AUTH_FIALD))).isEqualTo(Effect.ERROR);
    assertThat(Effect.of(Fault.noReply())).isEqualTo(Effect.NO_REPLY);
    assertThat(Effect.of(Fault.serverError(503))).isEqualTo(Effect.SERVER_ERROR);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CONNECTION_RESET, connectionReset", "CONNECTION_RESET_BY_PEER, connectionReset",
      "MALFORMED_RESPONSE_CHUNK, malformedBody", "NO_REPLY, noReply", "server_error, serverError"})
  void anOldOrJavaSpellingIsRefusedNamingTheWireName(String old, String now) {
    assertThat(Effect.fromWire(old)).isEmpty();
    assertThat(Effect.renamed(old).map(Effect::wireName)).hasValue(now);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FaultRuleJson.parse("{\"operations\":[\"PTT_UPLOAD\"],\"effect\":\"" + old + "\"}"))
        .withMessageContaining("'" + old + "' is not an effect name; write \"" + now + "\"");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PT0.25S, 250", "pt2s, 2000", "250ms, 250", "2s, 2000", "1.5s, 1500", "10m, 600000", "1h, 3600000",
      "' 3S ', 3000"})
  void durationsHaveOneGrammar(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"soon", "100", "2 days", "-5s", "1d"})
  void aBadDurationIsRefusedNamingItAndTheForms(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
        .withMessage("'" + text + "' is not a duration; " + Durations.FORMS);
  }

  @Test
  void ruleJsonTakesTheShortFormsAndWritesIso() {
    FaultRule rule = FaultRuleJson.parse("{\"operations\":[\"INIT\"],\"error\":7006,\"delay\":{\"fixed\":\"250ms\"},\"ttl\":\"10m\"}");
    assertThat(rule.budget().ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(FaultRuleJson.write(rule)).contains("\"PT10M\"").contains("\"PT0.25S\"");
  }
}
