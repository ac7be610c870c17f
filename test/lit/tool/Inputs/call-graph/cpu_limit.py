#!/usr/bin/python3
"""usage: cpu_limit.py SECONDS COMMAND [ARGS...]

Runs COMMAND with at most SECONDS of CPU time (RLIMIT_CPU, inherited by its
children): a command that runs longer is killed by SIGXCPU, which
status.py reports as a failure.
"""

import os
import resource
import sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
os.execvp(sys.argv[2], sys.argv[2:])
