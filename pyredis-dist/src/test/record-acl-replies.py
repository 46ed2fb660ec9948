#!/usr/bin/env python3
"""Records what redis-server 7.0.15 replies to the requests of acl-requests.txt (ACL
SETUSER with every rule and its errors, GETUSER in RESP2 and RESP3, LIST, USERS, CAT,
DRYRUN, DELUSER, GENPASS, LOG/LOAD/SAVE errors, AUTH and the NOPERM replies a restricted
user gets, MULTI/EXEC with denied commands), for AclRedisTest to compare pyredis's replies
with, byte for byte. Redis must have only its default user (no aclfile, no requirepass).

    redis-server --port 7603 --save '' --daemonize yes
    pyredis-dist/src/test/record-acl-replies.py 7603 \\
        pyredis-dist/src/test/resources/acl-requests.txt \\
        pyredis-dist/src/test/resources/acl-replies-redis-7.0.15.tsv

Same format as record-encoding-replies.py (whose client and request syntax it uses): one
line per request, the request as written, a tab, the reply escaped (\\\\ \\t \\r \\n).
"""
import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("rer", os.path.join(here, "record-encoding-replies.py"))
rer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rer)


def main():
    rer.record(int(sys.argv[1]), sys.argv[2], sys.argv[3],
               ["redis-server 7.0.15 by pyredis-dist/src/test/record-acl-replies.py: a request of",
                "acl-requests.txt, then the reply (escaped: \\\\ \\t \\r \\n), tab-separated."])


if __name__ == "__main__":
    main()
