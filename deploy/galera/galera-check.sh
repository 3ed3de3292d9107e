#!/bin/sh
# HAProxy's health check of one Galera node (external-check): healthy only when the node is Synced
# (wsrep_local_state 4) and ready for queries (wsrep_ready ON). A node that still accepts TCP but is
# joining, donating a full copy, or cut off from the primary component (quorum lost) is taken out.
# HAProxy calls it as: galera-check.sh <proxy-addr> <proxy-port> <server-addr> <server-port>
# The account needs no privilege (USAGE) to read the status; app/app is the test cluster's.
# HAProxy passes no environment to the check, so the account is set here.
user=app
password=app
state=$(mariadb --connect-timeout=2 -h"$3" -P"$4" -u"$user" -p"$password" -Nse \
  "SELECT GROUP_CONCAT(VARIABLE_VALUE ORDER BY VARIABLE_NAME) FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('wsrep_local_state','wsrep_ready')" 2>/dev/null)
# Ordered by name: wsrep_local_state, then wsrep_ready.
[ "$state" = "4,ON" ]
