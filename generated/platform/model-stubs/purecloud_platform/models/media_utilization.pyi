from .media import MediaUtilization as MediaUtilization
