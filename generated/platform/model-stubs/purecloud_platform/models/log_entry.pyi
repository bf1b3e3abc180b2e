from .log import LogEntry as LogEntry
