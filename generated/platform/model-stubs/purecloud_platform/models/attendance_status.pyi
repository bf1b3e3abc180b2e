from .attendance import AttendanceStatus as AttendanceStatus
