# syntax=docker/dockerfile:1
# pod-dashboard image: docker build -t pod-dashboard:latest .
# (the name k8s-manifests/kustomization.yaml's `images` entry and README use)

# --- build: the same Maven build as on a laptop (tests run in CI), then a Java runtime cut to what the app uses ---
# JDK 25 builds and runs the app (the bytecode stays Java 17): its AOT cache (JEP 483/514/515) starts the app
# with classes already loaded and linked and with the training run's method profiles, so the JIT compiles the hot
# paths early. See README, "Benchmark", for the figures that chose it over JDK 17 with AppCDS.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q -ntp dependency:go-offline
COPY app app
COPY templates templates
COPY static static
RUN mvn -B -q -ntp -Dmaven.test.skip=true package && mkdir /app && cp target/pod-dashboard.jar /app/

# jdeps lists the JDK modules the jar's classes use. Left out: those only library classes the app never loads
# refer to (javassist's HotSwapper: jdk.jdi, jdk.attach, java.instrument; jakarta.transaction: java.rmi; the
# training run below opens every page and fails on a page that misses a class). Added: those reached only by
# reflection or service lookup: jdk.management (process and GC metrics), jdk.zipfs (webjar lookup),
# jdk.naming.dns (host names in a kubeconfig); elliptic-curve TLS is in java.base since JDK 22. Added too: the
# modules of the security providers the runtime's java.security names (XMLDSig: java.xml.crypto, SunPCSC:
# java.smartcardio, JdkSASL: jdk.security.jgss, SunPKCS11: jdk.crypto.cryptoki; 1 MiB). The Kubernetes client's
# OkHttp lists the providers as it starts; for a named one that is missing, the JDK looks on past its own modules to
# the class path, where it builds BouncyCastle's two providers: 430 ms of a cold start in cluster mode, before the
# first LIST call (docs/benchmark.md, "The image's missing providers"). The training run fails if one is missing.
# java.desktop stays for java.beans (OGNL, SnakeYAML) but without its native libraries (AWT, fonts, images:
# 7.7 MB). No default CDS archive: the AOT cache below holds the JDK's classes too. Java debug attributes are
# stripped; --strip-debug would also strip native symbols, which needs binutils (objcopy).
RUN modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 25 -q /app/pod-dashboard.jar \
      | tr , '\n' | grep -vxE 'jdk.jdi|jdk.attach|java.instrument|java.rmi' | paste -sd,)" \
 && added=jdk.management,jdk.zipfs,jdk.naming.dns,java.xml.crypto,java.smartcardio,jdk.security.jgss,jdk.crypto.cryptoki \
 && jlink --add-modules "$modules,$added" --exclude-files='glob:/java.desktop/lib/*' --strip-java-debug-attributes \
      --no-header-files --no-man-pages --compress=zip-9 --output /opt/jre

# The AOT cache: a training run (every page in demo mode, then in a live mode against a loopback stand-in for the
# API server, so the Kubernetes client's classes are in too; it fails the build if a live page does not answer)
# records what it loads, links and runs hot; the JVM then writes the cache. The real start must use the same
# runtime, class path and the flags the cache depends on (the collector, compact object headers), or the JVM
# starts without the cache: the training run and the ENTRYPOINT both take their flags from jvm.options (an argument
# file; each flag's reason is beside it there).
COPY jvm.options /app/
RUN /opt/jre/bin/java @/app/jvm.options -XX:AOTCacheOutput=/app/pod-dashboard.aot \
      -cp /app/pod-dashboard.jar dev.poddashboard.training.StartupTraining

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
# The JVM flags (jvm.options, read by the launcher as an argument file) are on the command line, not in
# JAVA_TOOL_OPTIONS, which makes the JVM print a plain-text "Picked up …" line before the first log line (and
# LOG_FORMAT=json promises JSON only). JAVA_TOOL_OPTIONS still adds flags when set.
ENTRYPOINT ["/opt/jre/bin/java", "@/app/jvm.options", "-XX:AOTCache=/app/pod-dashboard.aot", "-jar", "/app/pod-dashboard.jar"]
