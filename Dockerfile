# veto serve in a container: a static binary (SQLite is pure Go) on a
# distroless base, running as an unprivileged user, with its store on the
# /data volume. Build: docker build -t veto .
# Run:   docker run -p 8080:8080 -v veto-data:/data veto
# The first start writes an admin API key to /data/admin.key, and the key
# that signs the audit trail's checkpoints to /data/audit.key (keep a copy
# off the volume, or pass VETO_AUDIT_KEY).
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION} -X main.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)" -o /out/veto ./cmd/veto \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/veto /usr/local/bin/veto
COPY --from=build --chown=65532:65532 /out/data /data
ENV VETO_DB=/data/veto.db \
    VETO_ADDR=0.0.0.0:8080 \
    VETO_LOG_FORMAT=json
VOLUME /data
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/veto"]
CMD ["serve"]
