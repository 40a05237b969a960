package dev.gmesim.core.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gmesim.core.catalog.NearestName;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes and reads the room protocol's typed records ({@link RoomArgs}, {@link RoomData}) as JSON
 * objects whose field names are the records' component names. Reading checks each field's JSON
 * type and throws {@link ArgumentException} naming the op, the field, the value and what was
 * expected; request arguments are read strictly, so a misspelt field is refused with the nearest
 * name instead of silently taking a default.
 *
 * <p>A component is a {@code String}, {@code int}, {@code long}, {@code boolean} or {@code double}
 * (or the boxed type, which may be null); others are refused when the record is first used.
 */
public final class ArgsCodec {
  private static final Map<String, Class<? extends RoomArgs>> BY_OP = byOp();
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return Shape.of(type);
    }
  };

  private ArgsCodec() {}

  /** Returns every op that has an arguments record, in declaration order. */
  public static Set<String> ops() {
    return Collections.unmodifiableSet(BY_OP.keySet());
  }

  /** Returns the op an arguments record belongs to, from its {@link RoomArgs.Op}. */
  public static String opOf(Class<?> type) {
    return SHAPES.get(type).op;
  }

  /**
   * Describes the arguments of {@code op} as docs/protocol.md lists them, e.g.
   * {@code `roomId` string, `roomType` int, `authBuffer` string = ""}; "none" for an op without any.
   */
  public static String describe(String op) {
    Class<? extends RoomArgs> type = BY_OP.get(op);
    if (type == null) {
      throw new IllegalArgumentException(op + " has no arguments record; ops with one: " + ops());
    }
    List<String> parts = new ArrayList<>();
    for (Field f : SHAPES.get(type).fields) {
      String fallback = f.fallback instanceof String text ? "\"" + text + "\"" : String.valueOf(f.fallback);
      parts.add("`" + f.name + "` " + f.kind.word + (f.required ? "" : f.fallback == null ? " (optional)" : " = " + fallback));
    }
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** Writes a record ({@link RoomArgs}, {@link RoomData}) as a JSON object: every component by name, leaving out nulls. */
  public static ObjectNode write(Object value) {
    Shape shape = SHAPES.get(value.getClass());
    ObjectNode out = MessageCodec.mapper().createObjectNode();
    for (Field f : shape.fields) {
      Object v = f.get(value);
      if (v != null) {
        // Put by kind: valueToTree would run a serializer per field of every call.
        f.kind.put(out, f.name, v);
      }
    }
    return out;
  }

  /**
   * Reads the arguments of {@code op}; empty when the op has no arguments record (not a room
   * operation). Fields it does not know are refused, naming the nearest known one.
   */
  public static Optional<RoomArgs> read(String op, ObjectNode args) {
    Class<? extends RoomArgs> type = BY_OP.get(op);
    return type == null ? Optional.empty() : Optional.of(read(type, args, op, "args.", true));
  }

  /**
   * Reads the {@code data} of a server message, e.g. HELLO's reply; fields it does not know are
   * ignored (a newer server may send more). {@code what} names the message in errors.
   */
  public static <T extends RoomData> T readData(Class<T> type, JsonNode data, String what) {
    return read(type, data, what, "data.", false);
  }

  /** {@code what} names the message in errors ({@code ENTER_ROOM}, {@code HELLO reply}), {@code prefix} its object. */
  private static <T> T read(Class<T> type, JsonNode node, String what, String prefix, boolean strict) {
    Shape shape = SHAPES.get(type);
    JsonNode json = node == null || node.isNull() ? MessageCodec.mapper().createObjectNode() : node;
    if (strict) {
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!shape.nameSet().contains(name)) {
          throw new ArgumentException(name, what + " " + prefix + name + " is not an argument of " + what
              + NearestName.hint(name, shape.names()) + "; " + shape.takes());
        }
      }
    }
    Object[] values = new Object[shape.fields.size()];
    for (int i = 0; i < values.length; i++) {
      Field f = shape.fields.get(i);
      values[i] = f.read(json.get(f.name), what, prefix, shape);
    }
    return type.cast(shape.create(values));
  }

  private static Map<String, Class<? extends RoomArgs>> byOp() {
    // By op name: the order of getPermittedSubclasses() follows the compiler's, which changes with what
    // else was compiled first, and docs/protocol.md's generated table must not churn with it.
    Map<String, Class<? extends RoomArgs>> m = new TreeMap<>();
    for (Class<?> c : RoomArgs.class.getPermittedSubclasses()) {
      RoomArgs.Op op = c.getAnnotation(RoomArgs.Op.class);
      if (op == null || m.put(op.value(), c.asSubclass(RoomArgs.class)) != null) {
        throw new IllegalStateException(c.getName() + " needs one @RoomArgs.Op with an op no other record names");
      }
    }
    return m;
  }

  /** One record type: its op (for arguments), its fields in component order, its canonical constructor. */
  private record Shape(String op, List<Field> fields, Constructor<?> ctor, List<String> names, Set<String> nameSet) {
    static Shape of(Class<?> type) {
      if (!type.isRecord()) {
        throw new IllegalArgumentException(type.getName() + " is not a record; ArgsCodec reads and writes records");
      }
      RoomArgs.Op op = type.getAnnotation(RoomArgs.Op.class);
      List<Field> fields = new ArrayList<>();
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        fields.add(Field.of(type, components[i]));
        types[i] = components[i].getType();
      }
      try {
        List<String> names = fields.stream().map(Field::name).toList();
        return new Shape(op == null ? null : op.value(), List.copyOf(fields), type.getDeclaredConstructor(types), names,
            Set.copyOf(names));
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
      }
    }

    String takes() {
      return op + (fields.isEmpty() ? " takes no arguments; send \"args\":{}" : " takes " + String.join(", ", names()));
    }

    Object create(Object[] values) {
      try {
        return ctor.newInstance(values);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + ctor.getDeclaringClass().getName(), e);
      }
    }
  }

  /** One component: its JSON name and type, and what an absent field means. */
  private record Field(String name, Kind kind, boolean boxed, boolean required, Object fallback, Method accessor) {
    static Field of(Class<?> owner, RecordComponent c) {
      Kind kind = Kind.of(c.getType());
      if (kind == null) {
        throw new IllegalStateException(owner.getName() + "." + c.getName() + " is a " + c.getType().getName()
            + "; ArgsCodec supports String, int, long, boolean and double (boxed for nullable)");
      }
      RoomArgs.Default d = c.getAnnotation(RoomArgs.Default.class);
      boolean boxed = !c.getType().isPrimitive();
      Object fallback = d == null || d.value().equals(RoomArgs.Default.NULL) ? null : kind.parse(d.value());
      if (d != null && fallback == null && !boxed) {
        throw new IllegalStateException(owner.getName() + "." + c.getName() + " is primitive: give @Default a value");
      }
      return new Field(c.getName(), kind, boxed, d == null, fallback, c.getAccessor());
    }

    Object get(Object record) {
      try {
        return accessor.invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + name + " of " + record, e);
      }
    }

    Object read(JsonNode value, String what, String prefix, Shape shape) {
      if (value == null || value.isNull()) {
        if (required) {
          throw new ArgumentException(name, what + " needs " + prefix + name + " (" + kind.expected + "); got none"
              + (shape.op == null ? "" : "; " + shape.takes()));
        }
        return fallback;
      }
      if (!kind.accepts(value)) {
        throw new ArgumentException(name, what + " " + prefix + name + " must be " + kind.expected + "; got " + value);
      }
      return kind.value(value);
    }
  }

  /** The JSON type of a component, with the words errors use for it. */
  private enum Kind {
    TEXT("string", "a string"), INT("int", "a whole number (32-bit)"), LONG("long", "a whole number"),
    BOOL("boolean", "true or false"), DOUBLE("number", "a number");

    final String word;
    final String expected;

    Kind(String word, String expected) {
      this.word = word;
      this.expected = expected;
    }

    static Kind of(Class<?> t) {
      if (t == String.class) {
        return TEXT;
      } else if (t == int.class || t == Integer.class) {
        return INT;
      } else if (t == long.class || t == Long.class) {
        return LONG;
      } else if (t == boolean.class || t == Boolean.class) {
        return BOOL;
      } else if (t == double.class || t == Double.class) {
        return DOUBLE;
      }
      return null;
    }

    boolean accepts(JsonNode n) {
      switch (this) {
        case TEXT: return n.isTextual();
        case INT: return n.isIntegralNumber() && n.canConvertToInt();
        case LONG: return n.isIntegralNumber() && n.canConvertToLong();
        case BOOL: return n.isBoolean();
        default: return n.isNumber();
      }
    }

    Object value(JsonNode n) {
      switch (this) {
        case TEXT: return n.textValue();
        case INT: return n.intValue();
        case LONG: return n.longValue();
        case BOOL: return n.booleanValue();
        default: return n.doubleValue();
      }
    }

    void put(ObjectNode out, String name, Object v) {
      switch (this) {
        case TEXT: out.put(name, (String) v); break;
        case INT: out.put(name, (Integer) v); break;
        case LONG: out.put(name, (Long) v); break;
        case BOOL: out.put(name, (Boolean) v); break;
        default: out.put(name, (Double) v); break;
      }
    }

    Object parse(String s) {
      switch (this) {
        case TEXT: return s;
        case INT: return Integer.parseInt(s);
        case LONG: return Long.parseLong(s);
        case BOOL: return Boolean.parseBoolean(s);
        default: return Double.parseDouble(s);
      }
    }
  }
}
