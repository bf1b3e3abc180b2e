"""Bundles what sdkgen reads at run time from outside its package into the wheel.

``templates/`` and ``docs/runtime.md`` (the runtime's section of every generated README)
live at the repository's top level, where they are edited and reviewed; an installed
sdkgen finds its copies in ``generator/_bundled/`` (see generator/render/environment.py).
MANIFEST.in puts them in the sdist, so a wheel built from the sdist has them too.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
BUNDLED = {"templates": HERE / "templates", "runtime.md": HERE / "docs" / "runtime.md"}


class BuildPyWithBundledFiles(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "generator" / "_bundled"
        for name, source in BUNDLED.items():
            if source.is_dir():
                for path in sorted(source.rglob("*")):
                    if path.is_file() and "__pycache__" not in path.parts:
                        self.copy_file(str(path), str(self._made(target / name / path.relative_to(source))))
            else:
                self.copy_file(str(source), str(self._made(target / name)))

    def _made(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path


setup(cmdclass={"build_py": BuildPyWithBundledFiles})
