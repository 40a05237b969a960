package dev.gmesim.benchmarks.roomload;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The ways the driver can load a server. */
enum Mode {
  SDK, RAW, ECHO;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a mode by its label, as {@code --modes} takes it. */
  static final class Converter implements ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      for (Mode m : values()) {
        if (m.label().equalsIgnoreCase(value.strip())) {
          return m;
        }
      }
      throw new TypeConversionException("unknown mode '" + value + "'; use sdk, raw or echo");
    }
  }
}
