#!/bin/sh
# Run once by the official postgres image on an empty data volume (docker-entrypoint-initdb.d):
# the database of Rasa's tracker store, next to POSTGRES_DB (knowledge and analyses).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -c "CREATE DATABASE \"${TRACKER_DB:-trackers}\" OWNER \"$POSTGRES_USER\""
