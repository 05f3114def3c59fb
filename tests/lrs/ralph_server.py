"""Start a real Ralph LRS (file-system backend) on 127.0.0.1 for the tests.

Run with Ralph's own interpreter: `.venv-ralph/bin/python tests/lrs/ralph_server.py PORT DATA_DIR`.
It is `ralph runserver -b fs` with one change: Ralph 5.1.0's file-system backend writes
with the "create" operation, so the second batch of statements sent to it fails with
"fs_lrs.jsonl already exists" (HTTP 500). Appending is what an LRS must do; the
backend supports it, it is only not the default. Everything else is Ralph's.
"""
import os
import sys

port, data_dir = int(sys.argv[1]), sys.argv[2]
os.environ.setdefault("RALPH_RUNSERVER_BACKEND", "fs")
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data_dir

from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

import uvicorn  # noqa: E402

uvicorn.run("ralph.api:app", host="127.0.0.1", port=port, log_level="warning")
