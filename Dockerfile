# One image for the Rasa servers, the action servers and the one-shot `knowledge` job of
# docker-compose.yml (docs/production.md). The model is trained at build time; the knowledge
# base is loaded into the database of DATABASE_URL at deploy time (`python -m bot reload`).
FROM python:3.10-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 \
    PYTHONPATH=/app
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Training reads the knowledge base (a throwaway SQLite file under var/, removed afterwards);
# at run time DATABASE_URL points at PostgreSQL.
RUN python -m bot reload && python -m bot generate \
    && rasa train --fixed-model-name advisor --out models \
    && rm -f var/advisor.db \
    && useradd --system --uid 1001 --home-dir /app advisor && chown -R advisor /app
USER advisor

EXPOSE 5005 5055
CMD ["rasa", "run", "--model", "models/advisor.tar.gz", "--port", "5005", \
     "--endpoints", "endpoints.production.yml", "--credentials", "credentials.yml"]
