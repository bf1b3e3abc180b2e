"""The README's presence monitor (docs/runtime.md, rendered for an SDK with topics) runs
against the local notification service: it prints the presence of the users it watches and
nothing else, and ends cleanly on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from .fake_server import CLIENT_ID, CLIENT_SECRET, FakeServer
from .topics_sdk import render_topics_sdk
from .ws_server import NotificationServer

PACKAGE = "presence_doc_sdk"


def _presence(system_presence: str) -> dict:
    return {"source": "PURECLOUD", "primary": True,
            "presenceDefinition": {"id": "p-1", "systemPresence": system_presence}}


def test_presence_monitor_runs(tmp_path):
    project = render_topics_sdk(tmp_path, PACKAGE)
    blocks = re.findall(r"```python\n(.*?)```", (project / "README.md").read_text(), flags=re.DOTALL)
    (monitor,) = [b for b in blocks if "NotificationChannel(client, watched)" in b]
    script = project / "presence_monitor.py"
    script.write_text(monitor)
    server = FakeServer().start()
    notifications = NotificationServer(server.app, heartbeat_interval=0.5).start()
    env = {**os.environ, "PYTHONPATH": str(project), "HOME": str(tmp_path), "GENESYS_CLOUD_API_HOST": server.url,
           "GENESYS_CLOUD_CLIENT_ID": CLIENT_ID, "GENESYS_CLOUD_CLIENT_SECRET": CLIENT_SECRET}
    process = subprocess.Popen([sys.executable, str(script), "u-1", "u-2"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        wanted = {"v2.users.u-1.presence", "v2.users.u-2.presence"}
        while not any(wanted <= c.topics for c in notifications.channels.values()):
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the monitor never subscribed"
            time.sleep(0.05)
        notifications.publish("v2.users.u-1.presence", _presence("Available"))
        notifications.publish("v2.users.u-3.presence", _presence("Away"))  # not subscribed: not sent
        notifications.publish("v2.users.u-2.presence", _presence("Busy"))
        assert process.stdout.readline() == "u-1 Available\n"
        assert process.stdout.readline() == "u-2 Busy\n"
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
        notifications.stop()
        server.stop()
    assert process.returncode == 0, err
    assert out == ""
