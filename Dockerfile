# syntax=docker/dockerfile:1
# pod-dashboard image: docker build -t pod-dashboard:latest .
# (the name k8s-manifests/kustomization.yaml's `images` entry and README use)

# --- build: the same Maven build as on a laptop, tests run in CI instead ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY app app
COPY templates templates
COPY static static
RUN mvn -B -q -ntp -Dmaven.test.skip=true package

# --- runtime: a JRE and the one jar, nothing else ---
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/pod-dashboard.jar /app/pod-dashboard.jar
# The JVM sizes its heap from the container's memory limit (cgroups), not the node's memory.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2
# AppCDS: a training run (demo mode, every page once, on loopback) writes the classes it loaded into an archive
# that the real start maps instead of parsing the jar again: about a third less time to ready (bench/run), no more
# memory. Same JVM and flags at training and at start, or the JVM ignores the archive and starts as usual.
RUN java -XX:ArchiveClassesAtExit=/app/pod-dashboard.jsa -cp /app/pod-dashboard.jar dev.poddashboard.StartupTraining
# Numeric, so Kubernetes can check runAsNonRoot without reading /etc/passwd.
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/pod-dashboard.jsa", "-jar", "/app/pod-dashboard.jar"]
