"""The one error a release step raises: what failed, in words a CI log reader can act on."""

from __future__ import annotations


class ReleaseError(Exception):
    """A release step failed; nothing after it ran and nothing was recorded.

    step: the short name of the failing step (``build``, ``upload``, ...), printed first.
    detail: captured tool output (already redacted), printed after the message.
    """

    def __init__(self, step: str, message: str, detail: str = ""):
        self.step = step
        self.message = message
        self.detail = detail
        super().__init__(f"{step}: {message}")

    def format(self) -> str:
        text = f"release failed at step '{self.step}': {self.message}"
        if self.detail.strip():
            text += "\n" + "\n".join(
                "    " + line for line in self.detail.strip().splitlines()
            )
        return text
