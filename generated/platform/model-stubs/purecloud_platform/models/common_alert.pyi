from .common import CommonAlert as CommonAlert
