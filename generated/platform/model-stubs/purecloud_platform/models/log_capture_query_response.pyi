from .log import LogCaptureQueryResponse as LogCaptureQueryResponse
