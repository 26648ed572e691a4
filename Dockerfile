# syntax=docker/dockerfile:1
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY cogs cogs
COPY feeds feeds
COPY storage storage
RUN python -m venv /opt/domestique \
    && /opt/domestique/bin/pip install --no-cache-dir .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin domestique \
    && mkdir -p /data && chown domestique /data
COPY --from=build /opt/domestique /opt/domestique
ENV PATH=/opt/domestique/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DOMESTIQUE_DATABASE=/data/domestique.sqlite3
USER domestique
WORKDIR /data
VOLUME ["/data"]
# Healthy while some feed was polled successfully within three poll intervals.
HEALTHCHECK --interval=5m --timeout=20s --start-period=10m --retries=2 \
    CMD ["domestique", "health"]
CMD ["domestique", "run"]
