"""Load a spec (.json, .yaml/.yml, .json.gz, or an http(s) URL) into a :class:`LoadedSpec`.

Bad input (unreadable file, invalid JSON/YAML, broken gzip, HTTP failure, OpenAPI 3, a
document that is not Swagger 2.0) raises :class:`generator.diagnostics.SpecError` whose
diagnostics say where the problem is; nothing else escapes as a traceback.
"""

from generator.loader.load import load_document, load_spec
from generator.loader.spec import LoadedSpec

__all__ = ["LoadedSpec", "load_document", "load_spec"]
