"""The ``sdkgen`` console script ends without freeing its memory object by object
(``generator.cli.run``), yet exits exactly as ``sys.exit`` would: same status, every
byte of output flushed, atexit handlers run, running threads awaited."""

import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
PAIR = REPO / "tests" / "fixtures" / "diff" / "models"


def sdkgen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, cwd=REPO, check=False)


def run_with_main(body: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """``generator.cli.run()`` in a fresh interpreter, with ``main`` replaced by ``body``."""
    script = "\n".join([
        "import atexit, sys, threading, time",
        "from pathlib import Path",
        "import generator.cli as cli",
        f"here = Path({str(tmp_path)!r})",
        "def fake_main():",
        textwrap.indent(textwrap.dedent(body).strip(), "    "),
        "cli.main = fake_main",
        "cli.run()",
    ])
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO,
                          check=False)


def test_diff_through_the_console_script_prints_what_the_command_prints():
    args = ["diff", str(PAIR / "old.yaml"), str(PAIR / "new.yaml"), "--fail-on", "major"]
    expected = CliRunner().invoke(main, args)
    ran = sdkgen(*args)
    assert expected.exit_code == 3 and ran.returncode == 3
    assert ran.stdout == expected.stdout and len(ran.stdout) > 200
    assert "error: --fail-on major reached" in ran.stderr


def test_status_output_and_atexit_handlers(tmp_path):
    ran = run_with_main("""
        atexit.register(lambda: (here / "atexit").write_text("ran"))
        print("no newline, still flushed", end="")
        sys.exit(5)
        """, tmp_path)
    assert ran.returncode == 5
    assert ran.stdout == "no newline, still flushed"
    assert (tmp_path / "atexit").read_text() == "ran"


def test_exit_codes_follow_sys_exit(tmp_path):
    assert run_with_main("sys.exit(None)", tmp_path).returncode == 0
    assert run_with_main("return None", tmp_path).returncode == 0
    message = run_with_main("sys.exit('stopped: no spec')", tmp_path)
    assert message.returncode == 1 and message.stderr.strip() == "stopped: no spec"


def test_a_running_thread_is_awaited(tmp_path):
    ran = run_with_main("""
        def late():
            time.sleep(0.3)
            (here / "thread").write_text("finished")
        threading.Thread(target=late).start()
        sys.exit(0)
        """, tmp_path)
    assert ran.returncode == 0
    assert (tmp_path / "thread").read_text() == "finished"
