from .common import CommonRule as CommonRule
