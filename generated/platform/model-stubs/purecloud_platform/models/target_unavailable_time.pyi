from .target import TargetUnavailableTime as TargetUnavailableTime
