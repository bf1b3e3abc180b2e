"""Child-process entry point for schema validation: ``python -m generator.validate.worker FORMAT``.

Reads the spec text (UTF-8, format ``json`` or ``yaml``) from stdin and writes its
findings to stdout as a JSON list of ``[level, code, message, pointer]``. Line numbers
are added by the parent, which already holds the text.

A module of its own (rather than a multiprocessing target) so that starting it never
re-imports the caller's ``__main__``, which "spawn" does and which breaks scripts and
interactive sessions that have no ``if __name__ == "__main__"`` guard.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("json", "yaml"):
        print(
            "usage: python -m generator.validate.worker json|yaml < spec",
            file=sys.stderr,
        )
        return 2
    from generator.diagnostics import SpecError
    from generator.loader.parse import parse_text
    from generator.validate.schema import find_schema_problems

    text = sys.stdin.buffer.read().decode("utf-8")
    try:
        data = parse_text(text, argv[0], "<stdin>")
    except SpecError as error:  # the parent parsed the same text, so this is unexpected
        print(f"cannot parse the spec: {error}", file=sys.stderr)
        return 2
    findings = find_schema_problems(data)
    sys.stdout.write(json.dumps([list(finding) for finding in findings]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
