package dev.gmesim.core.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.api.internal.ControlJson;
import dev.gmesim.core.api.internal.Wire;
import dev.gmesim.core.catalog.GmeErrorCode;
import dev.gmesim.core.catalog.Operation;
import dev.gmesim.core.fault.DelayDistribution;
import dev.gmesim.core.fault.Fault;
import dev.gmesim.core.fault.FaultProfile;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.InvalidFaultRuleException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultRuleJsonTest {

  @Nested
  class RoundTrip {

    static Stream<FaultRule> rules() {
      return Stream.of(
          FaultRule.on(Operation.ENTER_ROOM).error(GmeErrorCode.AV_ERR_AUTH_FIALD).build(),
          FaultRule.on(Operation.ENTER_ROOM, Operation.SWITCH_ROOM).noReply().times(2).after(1).build(),
          FaultRule.on(Operation.INIT).disconnect().probability(0.25).seed(42).build(),
          FaultRule.on(Operation.EXIT_ROOM).reset().ttl(Duration.ofMinutes(10)).build(),
          FaultRule.on(Operation.ENABLE_MIC).networkDown(Duration.ofMinutes(5)).times(1).build(),
          FaultRule.on(Operation.ROOM_QUALITY).fault(Fault.poorNetwork(30)).build(),
          FaultRule.on(Operation.PTT_UPLOAD).http(Fault.HttpFailure.CONNECTION_RESET).build(),
          FaultRule.on(Operation.PTT_DOWNLOAD).http(Fault.HttpFailure.EMPTY_RESPONSE).build(),
          FaultRule.on(Operation.PTT_SPEECH_TO_TEXT).http(Fault.HttpFailure.MALFORMED_BODY).build(),
          FaultRule.on(Operation.PTT_UPLOAD).serverError(503).build(),
          FaultRule.on(Operation.ENTER_ROOM).error(1005).delay(Duration.ofMillis(100)).build(),
          FaultRule.on(Operation.ENTER_ROOM).error(1005)
              .delay(DelayDistribution.uniform(Duration.ofMillis(50), Duration.ofMillis(150))).build(),
          FaultRule.on(Operation.ENTER_ROOM).error(1005)
              .delay(DelayDistribution.lognormal(Duration.ofMillis(80), 0.6)).build(),
          FaultRule.on(Operation.ENTER_ROOM).error(7006).id("expiry").alias("token expiry").appId("1400000000")
              .openId("user-*").roomId("lobby-?").tag("MyTest#joins").owner("[engine:junit]/x").build());
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everySettingSurvivesWriteThenRead(FaultRule rule) {
      assertThat(FaultRuleJson.parse(FaultRuleJson.write(rule))).isEqualTo(rule);
    }

    @Test
    void defaultsAreLeftOutOfTheJson() {
      String json = FaultRuleJson.write(FaultRule.on(Operation.ENTER_ROOM).error(7006).build());
      assertThat(json).isEqualTo("{\"operations\":[\"ENTER_ROOM\"],\"effect\":\"error\",\"error\":7006}");
    }

    @Test
    void aListOfRulesSurvivesWriteThenRead() {
      List<FaultRule> rules = rules().toList();
      JsonNode written = ControlJson.mapper().valueToTree(new Wire.Rules(rules));
      assertThat(FaultRuleJson.rulesFromJson(written)).isEqualTo(rules);
    }

    @Test
    void aRuleStatusSurvivesWriteThenRead() throws Exception {
      RuleStatus status = new RuleStatus(FaultRule.on(Operation.INIT).noReply().id("r3").build(), 5, 2, false,
          Instant.parse("2026-01-02T03:04:05Z"), Optional.of(Instant.parse("2026-01-02T03:14:05Z")));
      assertThat(ControlJson.read(ControlJson.write(status), RuleStatus.class)).isEqualTo(status);
    }

    @Test
    void aCustomDelayDistributionIsRefusedNamingTheSupportedOnes() {
      FaultRule rule = FaultRule.on(Operation.INIT).noReply().delay(bits -> Duration.ZERO).build();
      assertThatThrownBy(() -> FaultRuleJson.write(rule))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("no JSON form")
          .hasMessageContaining("fixed, uniform or lognormal");
    }
  }

  @Nested
  class Reading {

    @Test
    void anErrorByNameWithoutOperationsTargetsWhereGmeRaisesIt() {
      FaultRule rule = FaultRuleJson.parse("{\"error\": \"av_err_auth_fiald\"}");
      assertThat(rule.fault()).isEqualTo(Fault.error(GmeErrorCode.AV_ERR_AUTH_FIALD));
      assertThat(rule.operations()).isEqualTo(GmeErrorCode.AV_ERR_AUTH_FIALD.operations());
    }

    @Test
    void effectNamesAreReadWithoutRegardToCase() {
      assertThat(FaultRuleJson.parse("{\"operations\": [\"init\"], \"effect\": \"NOREPLY\"}").fault())
          .isEqualTo(Fault.noReply());
    }

    @Test
    void serverErrorWithoutStatusAnswers500() {
      assertThat(FaultRuleJson.parse("{\"operations\": [\"PTT_UPLOAD\"], \"effect\": \"serverError\"}").fault())
          .isEqualTo(Fault.serverError(500));
    }

    @Test
    void yamlProfilesReadTheSameRules() {
      FaultProfile profile = FaultProfile.parse("""
          rules:
            - operations: [ENTER_ROOM]
              effect: noReply
              probability: 0.2
              seed: 7
              ttl: PT10M
            - error: AV_ERR_AUTH_FIALD
              times: 1
          """, FaultProfile.Format.YAML);
      assertThat(profile.rules()).containsExactly(
          FaultRule.on(Operation.ENTER_ROOM).noReply().probability(0.2).seed(7).ttl(Duration.ofMinutes(10)).build(),
          FaultRule.on(GmeErrorCode.AV_ERR_AUTH_FIALD.operations()).error(7006).times(1).build());
    }
  }

  @Nested
  class Refusing {

    static Stream<Arguments> badRules() {
      return Stream.of(
          Arguments.of("{\"operations\":[\"ENTER_ROOM\"],\"error\":70060}", "error",
              "unknown GME error code 70060; nearest: 7006 AV_ERR_AUTH_FIALD"),
          Arguments.of("{\"error\":\"AV_ERR_AUTH_FAILED\"}", "error", "nearest: 7006 AV_ERR_AUTH_FIALD"),
          Arguments.of("{\"operations\":[\"ENTER_ROOM\"],\"error\":7006,\"tims\":2}", "tims",
              "unknown field 'tims'; nearest: times"),
          Arguments.of("{\"operations\":[\"ENTER_ROM\"],\"error\":7006}", "operations[0]",
              "unknown operation 'ENTER_ROM'; nearest: ENTER_ROOM"),
          Arguments.of("{\"operations\":\"ENTER_ROOM\",\"error\":7006}", "operations", "[\"ENTER_ROOM\"]"),
          Arguments.of("{\"operations\":[],\"error\":7006}", "operations", "at least one"),
          Arguments.of("{\"operations\":[\"INIT\"]}", "effect", "missing"),
          Arguments.of("{\"effect\":\"noReply\"}", "operations", "missing"),
          Arguments.of("{\"operations\":[\"INIT\"],\"effect\":\"noreplyy\"}", "effect", "nearest: noReply"),
          Arguments.of("{\"operations\":[\"INIT\"],\"effect\":\"error\"}", "error", "needs a code"),
          Arguments.of("{\"operations\":[\"INIT\"],\"effect\":\"noReply\",\"error\":7006}", "error",
              "applies only to effect error"),
          Arguments.of("{\"operations\":[\"INIT\"],\"effect\":\"noReply\",\"status\":503}", "status",
              "applies only to effect serverError"),
          Arguments.of("{\"operations\":[\"PTT_UPLOAD\"],\"effect\":\"serverError\",\"status\":404}", "status",
              "500..599"),
          Arguments.of("{\"operations\":[\"ENABLE_MIC\"],\"effect\":\"networkDown\"}", "outage",
              "missing; effect networkDown needs how long the network stays down, e.g. \"outage\": \"5m\""),
          Arguments.of("{\"operations\":[\"ENABLE_MIC\"],\"effect\":\"networkDown\",\"outage\":\"0s\"}", "outage",
              "not positive"),
          Arguments.of("{\"operations\":[\"ENABLE_MIC\"],\"effect\":\"networkDown\",\"outage\":300}", "outage",
              "300 is a number; pass a string"),
          Arguments.of("{\"operations\":[\"INIT\"],\"effect\":\"disconnect\",\"outage\":\"5m\"}", "outage",
              "applies only to effect networkDown"),
          Arguments.of("{\"operations\":[\"ROOM_QUALITY\"],\"effect\":\"poorNetwork\",\"loss\":150}", "loss",
              "150 is outside 0..100; pass the packet loss in percent"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"times\":-1}", "times", "-1 is negative"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"times\":0}", "times", "pass 1 or more"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"times\":2.5}", "times", "not a whole number"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"times\":\"2\"}", "times", "a string"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"after\":-3}", "after", "-3 is negative"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"probability\":1.5}", "probability",
              "1.5 is outside (0, 1]"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"probability\":-0.1}", "probability",
              "outside (0, 1]"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"probability\":0}", "probability",
              "outside (0, 1]"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"seed\":1.5}", "seed", "whole number"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"ttl\":600}", "ttl", "600 is a number; pass a string"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"ttl\":\"ten minutes\"}", "ttl", "not a duration"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"ttl\":\"PT0S\"}", "ttl", "not positive"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"delay\":{\"fixed\":\"-PT1S\"}}", "delay.fixed",
              "negative"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"delay\":{\"fixed\":100}}", "delay.fixed",
              "is a number"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"delay\":{\"gaussian\":{}}}", "delay.gaussian",
              "unknown delay kind"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"delay\":{\"uniform\":{\"min\":\"PT1S\"}}}",
              "delay.uniform.max", "missing"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,"
              + "\"delay\":{\"uniform\":{\"min\":\"PT2S\",\"max\":\"PT1S\"}}}", "delay.uniform", "swap them"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,"
              + "\"delay\":{\"lognormal\":{\"median\":\"PT1S\",\"sigma\":-1}}}", "delay.lognormal.sigma", "0 or more"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"roomId\":\"\"}", "roomId", "blank"),
          Arguments.of("{\"operations\":[\"INIT\"],\"error\":7006,\"tag\":5}", "tag", "pass a string"),
          Arguments.of("[1, 2]", "(body)", "a rule is a JSON object"),
          Arguments.of("{\"operations\":[\"INIT\"],", "(body)", "malformed JSON at line 1"),
          Arguments.of("{\"error\":7006} trailing", "(body)", "malformed JSON"),
          Arguments.of("{\"error\":7006,\"error\":7007}", "(body)", "Duplicate field 'error'"),
          Arguments.of("", "(body)", "empty"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badRules")
    void aBadRuleIsRefusedNamingTheFieldAndTheFix(String json, String field, String message) {
      assertThatThrownBy(() -> FaultRuleJson.parse(json))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> {
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
          });
    }

    @Test
    void everyProblemOfOneRuleIsReportedAtOnce() {
      assertThatThrownBy(() -> FaultRuleJson.parse(
          "{\"operations\":[\"INIT\"],\"error\":70060,\"times\":0,\"probability\":2}"))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e ->
              assertThat(e.problems()).extracting(InvalidFaultRuleException.Problem::field)
                  .containsExactly("error", "times", "probability"));
    }

    @Test
    void problemsComeInTheTablesOrderWithTheFaultBeforeTheOperations() {
      assertThatThrownBy(() -> FaultRuleJson.parse(
          "{\"probability\":1.5,\"operations\":[\"ENTER_ROM\"],\"tims\":1,\"error\":70060}"))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e ->
              assertThat(e.problems()).extracting(InvalidFaultRuleException.Problem::field)
                  .containsExactly("tims", "error", "operations[0]", "probability"));
    }

    @Test
    void aValueIsQuotedAsTheDocumentWroteIt() {
      assertThatThrownBy(() -> FaultRuleJson.parse("{\"error\":7006,\"ttl\":\"PT0S\",\"userPercent\":120}"))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> assertThat(e.problems())
              .extracting(InvalidFaultRuleException.Problem::message)
              .containsExactly("\"PT0S\" is not positive; pass a positive duration such as \"PT10M\", or leave it out for no expiry",
                  "120 is outside (0, 100]; pass a number in (0, 100] such as 20 (a fifth of the users), "
                      + "or leave it out for every user"));
    }

    @Test
    void oneAppIdIsReadAsAppIdsAndNotBesideThem() {
      FaultRule rule = FaultRuleJson.parse("{\"error\":7006,\"appId\":\"1400000000\"}");
      assertThat(rule.scope().appIds()).containsExactly("1400000000");
      assertThat(FaultRuleJson.write(rule)).contains("\"appIds\":[\"1400000000\"]").doesNotContain("\"appId\":");
      assertThatThrownBy(() -> FaultRuleJson.parse("{\"error\":7006,\"appId\":\"1\",\"appIds\":[\"2\"]}"))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> assertThat(e.field()).isEqualTo("appId"));
    }

    @Test
    void aBadRuleInAListIsNamedByItsIndexAndRefusesTheList() {
      assertThatThrownBy(() -> FaultRuleJson.rulesFromJson(FaultRuleJson.read(
          "{\"rules\":[{\"error\":7006},{\"error\":7006,\"probability\":3}]}")))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> {
            assertThat(e.field()).isEqualTo("rules[1].probability");
            assertThat(e.getMessage()).startsWith("rules[1].probability: 3 is outside (0, 1]");
          });
    }

    @Test
    void aProfileWithClashingIdsIsRefusedBeforeAnythingStarts() {
      assertThatThrownBy(() -> FaultProfile.parse(
          "{\"rules\":[{\"id\":\"a\",\"error\":7006},{\"id\":\"a\",\"error\":1005}]}", FaultProfile.Format.JSON))
          .isInstanceOf(InvalidFaultRuleException.class)
          .hasMessageContaining("id 'a' appears twice");
    }

    @Test
    void aProfileWithAnUnknownTopLevelFieldIsRefused() {
      assertThatThrownBy(() -> FaultProfile.parse("rule:\n  - error: 7006\n", FaultProfile.Format.YAML))
          .isInstanceOfSatisfying(InvalidFaultRuleException.class, e -> {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("nearest: rules"));
          });
    }

    @Test
    void aProfileFileOfUnknownFormatIsRefusedNamingTheExtensions() {
      assertThatThrownBy(() -> FaultProfile.load(java.nio.file.Path.of("drill.txt")))
          .hasMessageContaining("*.json, *.yaml or *.yml");
    }
  }
}
