# The TickKeeper platform image: the distribution built on the host, run by the same scripts as on a host.
# Build the modules first (the image compiles nothing), then the image:
#   ./mvnw -q -B -o install -DskipTests
#   docker build -t tickkeeper/platform:dev .                                         # Eclipse Temurin 17 JRE
#   docker build --build-arg JRE_IMAGE=tickkeeper/jre:17-bookworm -t tickkeeper/platform:dev .   # no registry
# tickkeeper/jre:17-bookworm comes from scripts/docker/build-base-image (Debian packages only). docs/docker.md.
ARG JRE_IMAGE=eclipse-temurin:17-jre

# Stage 1: gather the distribution (.dockerignore lets only it through) and keep one copy of each jar.
FROM ${JRE_IMAGE} AS dist
LABEL io.tickkeeper.stage=dist
COPY . /opt/tickkeeper/
RUN /opt/tickkeeper/scripts/docker/share-jars /opt/tickkeeper \
 && mkdir -p /opt/tickkeeper/var

# Stage 2: the runtime image, one layer for the distribution.
FROM ${JRE_IMAGE}
RUN useradd --system --uid 10001 --user-group --home-dir /opt/tickkeeper --no-create-home --shell /bin/bash tickkeeper
COPY --from=dist --chown=tickkeeper:tickkeeper /opt/tickkeeper /opt/tickkeeper
WORKDIR /opt/tickkeeper
USER tickkeeper
# Services keep their data (journals, ZooKeeper snapshots) under /opt/tickkeeper/var: mount a volume there to keep it.
CMD ["scripts/docker/image-help"]
