package dev.gmesim.core.api.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.gmesim.core.api.DrillStatus;
import dev.gmesim.core.api.Health;
import dev.gmesim.core.api.JournalEntry;
import dev.gmesim.core.api.RuleStatus;
import dev.gmesim.core.fault.FaultRule;
import dev.gmesim.core.fault.GuardRail;
import dev.gmesim.core.internal.fault.FaultRuleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one mapper of the control contract: the server writes its answers with it, the client
 * writes its requests and reads those answers back into the same records ({@link RuleStatus},
 * {@link DrillStatus}, {@link JournalEntry}, {@link dev.gmesim.core.api.RoomSnapshot}, {@link Health},
 * and the envelopes in {@link Wire}). The public records carry no Jackson annotation (the shaded jar
 * relocates Jackson, so an annotation there would mean nothing to a user's own Jackson): what they
 * need is said here, by mix-ins and a module on this mapper.
 *
 * <p>A server's answers are trusted, so reading them checks nothing beyond types and ignores fields
 * a newer simulator may add; untrusted input (rule JSON, profiles) goes through
 * {@link FaultRuleJson}'s strict reader, which tokenises with this mapper: duplicate keys and
 * trailing content are refused, and no message quotes the source text (it may carry a secret).
 */
public final class ControlJson {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(contract())
      .addMixIn(RuleStatus.class, RuleStatusJson.class)
      .addMixIn(DrillStatus.class, DrillStatusJson.class)
      .addMixIn(JournalEntry.class, JournalEntryJson.class)
      .addMixIn(GuardRail.class, GuardRailJson.class)
      .addMixIn(Health.class, HealthJson.class)
      // An empty Optional is left out, as the JDK 8 module's NON_ABSENT would.
      .withConfigOverride(Optional.class, o -> o.setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null)))
      .build();

  private ControlJson() {}

  /** Returns the mapper; callers must not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes a contract value as compact JSON; a value with no JSON form fails with the reason. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Jackson wraps what a serializer throws; the cause is the message worth reading (a custom delay, say).
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a server's answer into a contract value. */
  public static <T> T read(String json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** Types the JDK's time and Optional need, and the rule's own form from {@link FaultRuleJson}'s field table. */
  private static SimpleModule contract() {
    SimpleModule m = new SimpleModule("gme-control-contract");
    m.addSerializer(Instant.class, ToStringSerializer.instance);
    m.addSerializer(Duration.class, ToStringSerializer.instance);
    m.addDeserializer(Instant.class, text(Instant.class, Instant::parse));
    m.addDeserializer(Duration.class, text(Duration.class, Duration::parse));
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Optional<?>> optional = (Class) Optional.class;
    m.addSerializer(optional, new OptionalSerializer());
    m.addDeserializer(optional, new OptionalDeserializer(null));
    m.addSerializer(FaultRule.class, new StdSerializer<>(FaultRule.class) {
      @Override
      public void serialize(FaultRule rule, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeTree(FaultRuleJson.toJson(rule));
      }
    });
    m.addDeserializer(FaultRule.class, new JsonDeserializer<>() {
      @Override
      public FaultRule deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        return FaultRuleJson.fromJson(node);
      }
    });
    return m;
  }

  private static <T> JsonDeserializer<T> text(Class<T> type, Function<String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return parse.apply(p.getValueAsString());
      }

      @Override
      public Class<?> handledType() {
        return type;
      }
    };
  }

  /** An Optional as its value; empty counts as empty, so the config override above leaves it out. */
  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    OptionalSerializer() {
      super(Optional.class, false);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value == null || value.isEmpty();
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(value.orElse(null), gen);
    }
  }

  /** Reads an Optional's content by the declared type; absent or null is empty. */
  private static final class OptionalDeserializer extends JsonDeserializer<Optional<?>> implements ContextualDeserializer {
    private final JavaType content;

    OptionalDeserializer(JavaType content) {
      this.content = content;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType type = property != null ? property.getType() : ctxt.getContextualType();
      return new OptionalDeserializer(type.containedTypeOrUnknown(0));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Optional.ofNullable(ctxt.readValue(p, content));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Optional.empty();
    }
  }

  // The mix-ins: what each public record's JSON needs, kept off the record itself.

  /** {@code description} is written for people and recomputed on reading. */
  @JsonPropertyOrder({"rule", "description", "matched", "fired", "active", "addedAt", "expiresAt"})
  @JsonIgnoreProperties(value = "description", allowGetters = true)
  private abstract static class RuleStatusJson {
    @JsonProperty("description")
    abstract String describe();
  }

  /** A drill's answer has its own shape (milliseconds, nested percentiles): {@link Wire.Drill}. */
  @JsonSerialize(converter = Wire.Drill.Of.class)
  @JsonDeserialize(converter = Wire.Drill.ToStatus.class)
  private abstract static class DrillStatusJson {}

  /** Ids unknown at the time of the call (no openId before Init) are left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private abstract static class JournalEntryJson {
    @JsonIgnore
    abstract boolean faulted();
  }

  /** Only the limits that are set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private abstract static class GuardRailJson {
    @JsonIgnore
    abstract boolean isNone();
  }

  /** {@code isUp()} is derived from {@code status}. */
  private abstract static class HealthJson {
    @JsonIgnore
    abstract boolean isUp();
  }
}
