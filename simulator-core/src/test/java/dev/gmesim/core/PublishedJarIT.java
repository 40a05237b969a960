package dev.gmesim.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What `./mvnw install` publishes for simulator-core, checked after `package`: the jar keeps Netty, Jackson,
 * SnakeYAML and picocli only under {@code dev.gmesim.shaded}, and its pom no longer depends on them.
 */
class PublishedJarIT {
  /** Top-level (or multi-release) entries of a relocated library; anything of theirs must sit under dev/gmesim/shaded. */
  static final Pattern UNRELOCATED = Pattern.compile(
      "^(META-INF/versions/\\d+/)?(io/netty/|com/fasterxml/|org/yaml/|picocli/).*");
  static final List<String> RELOCATED_GROUPS = List.of(
      "io.netty", "com.fasterxml.jackson.core", "com.fasterxml.jackson.dataformat", "org.yaml", "info.picocli");

  @Test
  void thePublishedJarHoldsTheRelocatedLibrariesOnlyUnderDevGmesimShaded() throws IOException {
    Path jar = Paths.get(System.getProperty("gmesim.published.jar"));
    List<String> unrelocated = new ArrayList<>();
    int shaded = 0;
    try (JarFile file = new JarFile(jar.toFile())) {
      for (var e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (UNRELOCATED.matcher(name).matches()) {
          unrelocated.add(name);
        }
        if (name.startsWith("dev/gmesim/shaded/io/netty/channel/")) {
          shaded++;
        }
      }
    }
    assertThat(unrelocated).as("unrelocated entries in %s", jar).isEmpty();
    assertThat(shaded).as("relocated Netty classes in %s", jar).isPositive();
  }

  @Test
  void theRunnableJarCarriesNoSecondUnrelocatedCopy() throws IOException {
    Path jar = Paths.get(System.getProperty("gmesim.jar"));
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.stream().map(e -> e.getName()).filter(n -> UNRELOCATED.matcher(n).matches()).toList())
          .as("unrelocated entries in %s", jar).isEmpty();
    }
  }

  @Test
  void thePublishedPomDoesNotDependOnTheRelocatedLibraries() throws Exception {
    Path pom = Paths.get(System.getProperty("gmesim.published.pom"));
    assertThat(pom).exists();
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Files.newInputStream(pom))
        .getDocumentElement();
    NodeList deps = project.getElementsByTagName("dependency");
    List<String> offending = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < deps.getLength(); i++) {
      Element dep = (Element) deps.item(i);
      String group = dep.getElementsByTagName("groupId").item(0).getTextContent().strip();
      String artifact = dep.getElementsByTagName("artifactId").item(0).getTextContent().strip();
      all.add(group + ":" + artifact);
      if (RELOCATED_GROUPS.contains(group)) {
        offending.add(group + ":" + artifact);
      }
    }
    assertThat(all).as("dependencies of %s", pom).contains("org.wiremock:wiremock-standalone", "org.slf4j:slf4j-api",
        "io.micrometer:micrometer-registry-prometheus");
    assertThat(offending).as("dependencies of %s", pom).isEmpty();
  }
}
