#!/bin/sh
# A streaming replica of the CivGrid primary (PostgreSQL 15 + PostGIS on both; Debian/Ubuntu
# layout). Run on the replica's machine as root. What tests/api/replicas.test.ts does with
# throwaway clusters, for a real one.
#   PRIMARY=10.0.0.10 sh deploy/replica-setup.sh
# On the primary first: wal_level = replica (the default), max_wal_senders >= 2, and in
# pg_hba.conf: host replication replicator 10.0.0.11/32 scram-sha-256 (and a role
# `CREATE ROLE replicator REPLICATION LOGIN PASSWORD '…'`).
set -eu
: "${PRIMARY:?the primary's address}"
CLUSTER=${CLUSTER:-main}
DATA=/var/lib/postgresql/15/$CLUSTER
pg_ctlcluster 15 "$CLUSTER" stop || true
rm -rf "$DATA"
# -R writes standby.signal and primary_conninfo: the copy starts as a streaming standby.
runuser -u postgres -- pg_basebackup -h "$PRIMARY" -U replicator -D "$DATA" -R -X stream -P
pg_ctlcluster 15 "$CLUSTER" start
runuser -u postgres -- psql -c 'SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()'
