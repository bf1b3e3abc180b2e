from .log import LogCaptureQueryRequest as LogCaptureQueryRequest
