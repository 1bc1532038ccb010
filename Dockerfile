# syntax=docker/dockerfile:1
# Build: docker build -t verbatim .
# Run:   docker run -p 8080:8080 -v verbatim-data:/data verbatim

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    cargo build --release --locked \
    && cp target/release/verbatim /usr/local/bin/verbatim

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --user-group --home-dir /data --no-create-home verbatim \
    && mkdir -p /data && chown verbatim:verbatim /data
COPY --from=build /usr/local/bin/verbatim /usr/local/bin/verbatim
USER verbatim
ENV VERBATIM_ADDR=0.0.0.0:8080 \
    VERBATIM_DB=/data/verbatim.db \
    RUST_LOG=info
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD ["verbatim", "healthcheck"]
ENTRYPOINT ["verbatim"]
CMD ["serve"]
