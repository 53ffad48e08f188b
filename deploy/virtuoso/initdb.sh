#!/bin/sh
# Run by the openlink/virtuoso-opensource-7 image on first start (mounted in /initdb.d):
# applies attache.sql with the user and password from the environment of the
# `virtuoso` compose profile.
set -eu
isql=$(command -v isql || command -v isql-v || command -v isql-vt)
"$isql" 1111 dba "$DBA_PASSWORD" /opt/attache/attache.sql \
  -u USER="$ATTACHE_SPARQL_USER" PASSWORD="$ATTACHE_SPARQL_PASSWORD"
