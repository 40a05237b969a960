package dev.gmesim.core.internal.cloud;

import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.INVALID_PARAMETER_VALUE;
import static dev.gmesim.core.cloud.ApiErrorCode.MISSING_PARAMETER;
import static dev.gmesim.core.cloud.ApiErrorCode.UNKNOWN_PARAMETER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.NearestName;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One action's request fields, checked as API 3.0 checks them: an unknown field is
 * {@code UnknownParameter}, a wrong type {@code InvalidParameter}, a missing required field
 * {@code MissingParameter}; each message names the field (with its path inside arrays).
 */
final class Params {
  /** A field's JSON type. */
  enum Type {
    INTEGER("Integer"), STRING("String"), INTEGERS("Array of Integer"), STRINGS("Array of String"),
    OBJECTS("Array of Object"), OBJECT("Object"), BOOLEAN("Boolean");

    final String shown;

    Type(String shown) {
      this.shown = shown;
    }
  }

  private final ObjectNode node;
  private final String prefix;

  private Params(ObjectNode node, String prefix) {
    this.node = node;
    this.prefix = prefix;
  }

  /** Checks that {@code node} has only the fields of {@code schema}, each of its type. */
  static Params of(ObjectNode node, String prefix, Map<String, Type> schema) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      Type type = schema.get(f.getKey());
      String name = prefix + f.getKey();
      if (type == null) {
        throw new ApiFailure(UNKNOWN_PARAMETER, "The parameter `" + name + "` is not recognized"
            + NearestName.hint(f.getKey(), schema.keySet()) + "; this action's parameters are " + schema.keySet());
      }
      JsonNode v = f.getValue();
      if (v.isNull()) {
        continue;
      }
      boolean ok = switch (type) {
        case INTEGER -> v.isIntegralNumber() && v.canConvertToLong();
        case STRING -> v.isTextual();
        case BOOLEAN -> v.isBoolean();
        case OBJECT -> v.isObject();
        case INTEGERS, STRINGS, OBJECTS -> v.isArray();
      };
      if (ok && v.isArray()) {
        for (int i = 0; i < v.size() && ok; i++) {
          JsonNode e = v.get(i);
          ok = switch (type) {
            case INTEGERS -> e.isIntegralNumber() && e.canConvertToLong();
            case STRINGS -> e.isTextual();
            default -> e.isObject();
          };
          if (!ok) {
            throw new ApiFailure(INVALID_PARAMETER, "The value type of parameter `" + name + "[" + i + "]` is wrong: got "
                + kind(e) + ", expected " + type.shown.replace("Array of ", ""));
          }
        }
      }
      if (!ok) {
        throw new ApiFailure(INVALID_PARAMETER, "The value type of parameter `" + name + "` is wrong: got " + kind(v)
            + ", expected " + type.shown);
      }
    }
    return new Params(node, prefix);
  }

  private static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() ? "an out-of-range integer" : "a decimal number (" + v.asText() + ")";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    return v.isObject() ? "an object" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private boolean present(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  private ApiFailure missing(String name) {
    return new ApiFailure(MISSING_PARAMETER, "The request is missing a required parameter `" + prefix + name + "`");
  }

  long requiredLong(String name) {
    if (!present(name)) {
      throw missing(name);
    }
    return node.get(name).longValue();
  }

  Optional<Long> optionalLong(String name) {
    return present(name) ? Optional.of(node.get(name).longValue()) : Optional.empty();
  }

  String requiredString(String name) {
    if (!present(name) || node.get(name).textValue().isEmpty()) {
      throw missing(name);
    }
    return node.get(name).textValue();
  }

  Optional<String> optionalString(String name) {
    return present(name) && !node.get(name).textValue().isEmpty() ? Optional.of(node.get(name).textValue())
        : Optional.empty();
  }

  List<Long> longs(String name, int max) {
    List<Long> out = new ArrayList<>();
    if (present(name)) {
      node.get(name).forEach(e -> out.add(e.longValue()));
    }
    limit(name, out.size(), max);
    return out;
  }

  List<String> strings(String name, int max) {
    List<String> out = new ArrayList<>();
    if (present(name)) {
      node.get(name).forEach(e -> out.add(e.textValue()));
    }
    limit(name, out.size(), max);
    return out;
  }

  List<ObjectNode> objects(String name, int max) {
    List<ObjectNode> out = new ArrayList<>();
    if (present(name)) {
      node.get(name).forEach(e -> out.add((ObjectNode) e));
    }
    limit(name, out.size(), max);
    return out;
  }

  Optional<ObjectNode> object(String name) {
    return present(name) ? Optional.of((ObjectNode) node.get(name)) : Optional.empty();
  }

  private void limit(String name, int size, int max) {
    if (size > max) {
      throw new ApiFailure(INVALID_PARAMETER_VALUE, "The parameter `" + prefix + name + "` has " + size
          + " elements; at most " + max + " are allowed; split the request");
    }
  }
}
