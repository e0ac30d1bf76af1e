# syntax=docker/dockerfile:1
# pod-dashboard image: docker build -t pod-dashboard:latest .
# (the name k8s-manifests/kustomization.yaml's `images` entry and README use)

# --- build: the same Maven build as on a laptop (tests run in CI), then a Java runtime cut to what the app uses ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY app app
COPY templates templates
COPY static static
RUN mvn -B -q -ntp -Dmaven.test.skip=true package && mkdir /app && cp target/pod-dashboard.jar /app/

# jdeps lists the JDK modules the jar's classes use; a few are reached only by reflection or service lookup:
# jdk.crypto.ec (TLS with the API server's ECDSA certificates and ECDHE), jdk.management (process and GC
# metrics), jdk.zipfs (webjar lookup), jdk.naming.dns (host names in a kubeconfig). jlink writes a runtime of just
# those, with the JDK's default CDS archive (the base the app's own archive below builds on). Java debug
# attributes are stripped; --strip-debug would also strip native symbols, which needs binutils (objcopy).
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 -q /app/pod-dashboard.jar)" \
 && jlink --add-modules "$modules,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns" \
      --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output /opt/jre

# AppCDS: a training run (every page in demo mode, then in a live mode against a loopback stand-in for the API
# server, so the Kubernetes client's classes are in too; it fails the build if a live page does not answer) writes
# the classes it loaded into an archive that the real start maps instead of parsing the jar again (bench/run:
# ready 2.2 s without the live half, 1.6-1.7 s with it). The same runtime, paths and JVM flags as at start, or the
# JVM ignores the archive and starts as usual.
RUN /opt/jre/bin/java -XX:MaxRAMPercentage=25 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData \
      -XX:ArchiveClassesAtExit=/app/pod-dashboard.jsa -cp /app/pod-dashboard.jar dev.poddashboard.StartupTraining

# The few shared libraries the runtime links against (glibc, zlib), found with ldd, copied with their paths.
RUN mkdir -p /rootfs/tmp && chmod 1777 /rootfs/tmp \
 && find /opt/jre -type f \( -name java -o -name '*.so' \) -exec ldd {} \; 2>/dev/null \
      | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/lib/ {print $1}' | sort -u \
      | xargs -I{} cp --parents -L {} /rootfs

# --- runtime: no OS, no shell, no package manager: the runtime, its libraries and the app ---
FROM scratch
COPY --from=build /rootfs /
COPY --from=build /opt/jre /opt/jre
COPY --from=build /app /app
# MALLOC_ARENA_MAX: glibc keeps fewer malloc arenas (measured: -20 MiB RSS).
ENV MALLOC_ARENA_MAX=2 \
    PATH=/opt/jre/bin
# Numeric, so Kubernetes can check runAsNonRoot without reading /etc/passwd (there is none).
USER 10001:10001
EXPOSE 8080
# The JVM flags are on the command line, not in JAVA_TOOL_OPTIONS, which makes the JVM print a plain-text
# "Picked up …" line before the first log line (and LOG_FORMAT=json promises JSON only). The heap is a quarter of
# the container's memory limit (cgroups), not of the node's; no perf data file (the root filesystem is read-only).
# JAVA_TOOL_OPTIONS still adds flags when set.
ENTRYPOINT ["/opt/jre/bin/java", "-XX:MaxRAMPercentage=25", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", \
            "-XX:-UsePerfData", "-XX:SharedArchiveFile=/app/pod-dashboard.jsa", "-jar", "/app/pod-dashboard.jar"]
