# The GME Simulator as a standalone container.
#
#   ./mvnw -B -q -pl simulator-core -am package -DskipTests
#   docker build -t gme-simulator .
#   docker run --rm -p 127.0.0.1:7300:7300 -p 127.0.0.1:8080:8080 -e GMESIM_ADMIN_TOKEN=change-me gme-simulator
#
# The base image is a build argument: machines without Docker Hub build one from Debian
# packages (docs/docker.md) and pass --build-arg BASE_IMAGE=local/jre17:bookworm.
ARG BASE_IMAGE=eclipse-temurin:17-jre
FROM ${BASE_IMAGE}

LABEL org.opencontainers.image.title="GME Simulator" \
      org.opencontainers.image.description="A fake Tencent Cloud GME endpoint that fails with any documented error code on demand"

COPY simulator-core/target/gme-simulator.jar /app/gme-simulator.jar

# Every CLI option has an environment variable. Inside a container the simulator must listen on
# all interfaces to be reachable through -p; the CLI then refuses to start unless the control
# API is protected (GMESIM_ADMIN_TOKEN) or explicitly left open (GMESIM_INSECURE_ADMIN=true).
ENV GMESIM_BIND=0.0.0.0 \
    GMESIM_ROOM_PORT=7300 \
    GMESIM_HTTP_PORT=8080 \
    GMESIM_TIME_SCALE=1 \
    GMESIM_JOURNAL_SIZE=10000 \
    GMESIM_HEALTH_URL=http://127.0.0.1:8080
# Not set by default: GMESIM_ADMIN_TOKEN, GMESIM_INSECURE_ADMIN, GMESIM_PROFILE.

EXPOSE 7300 8080

# A numeric user needs no useradd, so any base image with a JRE works unchanged.
USER 10001:10001
WORKDIR /tmp

# The jar's own health subcommand: no curl or wget needed in the image.
HEALTHCHECK --interval=5s --timeout=4s --start-period=30s --retries=3 \
  CMD ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/gme-simulator.jar", "health"]

# Exec form: java is PID 1 and receives docker stop's SIGTERM directly.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/gme-simulator.jar"]
