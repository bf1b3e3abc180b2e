from .schedule import ScheduleBidReference as ScheduleBidReference
