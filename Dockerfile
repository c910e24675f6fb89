# Relay: slim, non-root, with a health check. Build: docker build -t relay .
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY relay ./relay
RUN pip install --no-cache-dir --prefix=/install '.[redis,fakes]'

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RELAY_HOST=0.0.0.0 \
    RELAY_PORT=8000 \
    RELAY_DATA_DIR=/data \
    RELAY_ROUTING_FILE=/app/config/routing.yaml
RUN groupadd --system relay && useradd --system --gid relay --home-dir /app relay \
    && mkdir -p /data /app/config && chown relay:relay /data
COPY --from=build /install /usr/local
COPY config/routing.yaml /app/config/routing.yaml
WORKDIR /app
USER relay
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["python", "-c", "import os,urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('RELAY_PORT', '8000'), timeout=2)"]
CMD ["relay", "serve", "--host", "0.0.0.0"]
