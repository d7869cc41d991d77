# syntax=docker/dockerfile:1
# Herald's daemons (ingest, enrich, sink) as one image; docker-compose.yml runs it.
#   docker build -t herald:local .
#   docker run --rm herald:local --help

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds; tests run in CI (mvn -B verify), not here.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /opt/herald --shell /usr/sbin/nologin herald \
    && mkdir -p /var/lib/herald/streams /var/lib/herald/out \
    && chown -R herald /var/lib/herald
COPY --from=build /src/app/target/herald-app-*.jar /opt/herald/herald-app.jar
COPY --from=build /src/app/target/lib/ /opt/herald/lib/
COPY --from=build /src/samples/ /opt/herald/samples/
# Relative defaults (out/, data/) land in the writable folder; compose sets the paths anyway.
WORKDIR /var/lib/herald
USER herald
ENV HERALD_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" \
    HERALD_STATE_DIR=/var/lib/herald/streams \
    HERALD_ALERTS_FILE=/var/lib/herald/out/alerts.jsonl
# A shell so that HERALD_JAVA_OPTS is split into JVM options, as the herald launcher does;
# exec keeps java as PID 1 so that it gets SIGTERM and shuts the daemons down cleanly.
ENTRYPOINT ["/bin/sh", "-c", "exec java $HERALD_JAVA_OPTS -Dherald.home=/opt/herald -cp '/opt/herald/herald-app.jar:/opt/herald/lib/*' dev.herald.app.Herald \"$@\"", "herald"]
CMD ["--help"]
