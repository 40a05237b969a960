#!/usr/bin/env bash
# The consumer matrix: installs the project (no tests; .ci/run has just run them) into a local
# repository of its own, then builds every project under consumers/ against it in one Maven
# invocation on Java 17, and runs the plain JUnit 6 and the Spring Boot 4.0 ones again on Java 25.
# The private repository (consumers/target/local-repo) keeps these artifacts apart from whatever
# else shares ~/.m2; everything else is read from ~/.m2 (the "tail"), and what is missing there
# (Spring Boot, gRPC) is downloaded into the private one.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "== consumers: $*"; }

version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
repo="$PWD/consumers/target/local-repo"
rm -rf "$repo/dev/gmesim"
m2=(-B -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$HOME/.m2/repository")

say "install dev.gmesim $version into $repo"
./mvnw "${m2[@]}" -q install -DskipTests

say "Java 17: JUnit 5.10, 5.14, 6; Spring Boot 3.5, 4.0; grpc-netty"
./mvnw "${m2[@]}" -f consumers/pom.xml -Dgmesim.version="$version" verify

jdk25=""
for candidate in "${GMESIM_JDK25:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then jdk25=$candidate; break; fi
done
if [ -z "$jdk25" ]; then
  echo "== consumers: !!! SKIPPED the Java 25 run: no JDK 25 found (set GMESIM_JDK25, or install one) !!!" >&2
  exit 0
fi
say "Java 25 ($jdk25): JUnit 6, Spring Boot 4.0"
JAVA_HOME="$jdk25" ./mvnw "${m2[@]}" -f consumers/pom.xml -Dgmesim.version="$version" -pl junit-6,spring-boot-4.0 verify
